"""The demo's running state: its seeded randomness, the command ids it derives, its clock,
and the guests and meetings later phases build on."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID, uuid5
from zoneinfo import ZoneInfo

from goodwill.application import Goodwill
from goodwill.demo_people import Invitee

NAMESPACE = UUID("ba9cb7b5-ed34-4fd3-b05e-00defb007214")
TIMEZONE = "Europe/Berlin"
LISTS = {"main": "Main entrance", "workshop": "Workshop room"}


@dataclass
class Guest:
    """A registered demo attendee and when (minutes after midnight, first day) they arrived."""

    person_id: UUID
    ticket_code: str
    connect_code: str
    invitee: Invitee
    arrived: float | None = None

    @property
    def first_name(self) -> str:
        return self.invitee.name.split()[0]


@dataclass(frozen=True)
class Meeting:
    """Two guests who connected, and when (minutes after midnight, first day)."""

    a: Guest
    b: Guest
    minute: float


@dataclass
class Demo:
    """One run of the demo. Phases draw from one ``rng`` in a fixed order, which is what makes
    a seed tell the same story twice."""

    app: Goodwill
    seed: int
    size: int
    today: date
    say: Callable[[str], None]
    rng: random.Random = field(init=False)
    sent: int = 0
    tally: Counter = field(default_factory=Counter)
    guests: list[Guest] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    organizer: UUID = field(init=False)
    staff: UUID = field(init=False)
    conference_id: UUID = field(init=False)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.starts_on = self.today - timedelta(days=1)  # day one is over, day two is today

    def key(self, *parts: object) -> UUID:
        return uuid5(NAMESPACE, "/".join(map(str, (self.seed, self.size, *parts))))

    def send(self, command: str, actor: UUID, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Command ids follow from the seed and the command's place in the run, so a second
        run is answered from the first run's receipts."""
        self.sent += 1
        return getattr(self.app, command)(actor, self.key(self.sent), *args, **kwargs).result

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(TIMEZONE)

    def at(self, minute: float) -> datetime:
        """Local wall time on the first day, clamped to now: commands refuse the future."""
        midnight = datetime.combine(self.starts_on, time(0), self.tz)
        return min(midnight + timedelta(minutes=minute), datetime.now(self.tz))

    def each(self, label: str, items: Iterable[Any], action: Callable[[Any], None]) -> None:
        items = list(items)
        every = max(1, len(items) // 4)
        for done, item in enumerate(items, 1):
            action(item)
            if done % every == 0 or done == len(items):
                self.say(f"  {label}: {done}/{len(items)}")

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def some_meeting(self) -> Meeting:
        """A random pair who met, in a random direction (who gives, notes or promises)."""
        meeting = self.rng.choice(self.meetings)
        if self.chance(0.5):
            return meeting
        return Meeting(meeting.b, meeting.a, meeting.minute)
