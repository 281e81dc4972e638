"""Run read-model queries from tests the way a request handler does: async, on the reader."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timezone
from typing import Any
from uuid import UUID

from goodwill.bootstrap import System
from goodwill.domain.attendee import Consent, Profile
from goodwill.domain.ids import attendee_id
from tests.scenario import Scenario


def read(system: System, query: Callable[..., Awaitable[Any]], *args: Any, **kwargs: Any) -> Any:
    """Bring every read model up to date, then answer ``query`` on a freshly opened reader."""
    system.runner.catch_up()

    async def run() -> Any:
        await system.reader.open()
        try:
            return await query(system.reader, *args, **kwargs)
        finally:
            await system.reader.close()
    return asyncio.run(run())


def scan_badge(app, person: UUID, other: UUID, conference_id: UUID,
               moment: datetime | None = None, command_id: UUID | None = None):
    """``person`` scans ``other``'s badge at the event: the proof of meeting that connects."""
    badge = app.repository.get(attendee_id(conference_id, other))
    return app.connect_by_badge(person, command_id or uuid.uuid4(), badge.connect_code, moment)


def introduce(app, introducer: UUID, conference_id: UUID, person_a: UUID, person_b: UUID,
              why: str, moment: datetime | None = None):
    """The introducer scans both badges first: only someone connected with both may
    introduce them."""
    for person in (person_a, person_b):
        scan_badge(app, introducer, person, conference_id, moment)
    return app.introduce(introducer, uuid.uuid4(), conference_id, person_a, person_b, why, moment)


def at(hour: int, minute: int = 0, day: int = 25) -> datetime:
    """A moment on the first day of the scenario's event (UTC), safely in the past."""
    return datetime(2026, 11, day, hour, minute, tzinfo=timezone.utc)


def second_event(scenario: Scenario, *names: str) -> UUID:
    """Another event with the same organizer, attended by the named guests."""
    conference_id = scenario.app.create_conference(
        scenario.organizer, uuid.uuid4(), "Reciprocity Camp", date(2026, 12, 3),
        date(2026, 12, 3), "Europe/Berlin", "Old Mill", {"main": "Gate"}).result["conference_id"]
    for name in names:
        guest = scenario[name]
        scenario.app.register_attendee(
            scenario.organizer, uuid.uuid4(), conference_id, guest.person_id,
            Profile(name=name), Consent())
    return conference_id
