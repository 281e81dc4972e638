"""The door burst's event, seeded in-process before the server starts: an organizer, an
event with one entrance, its tickets with the codes a scanner would read, and the door
devices with their bearer tokens. What the load generator needs goes into a plan file."""

from __future__ import annotations

import random
import uuid
from dataclasses import asdict, dataclass
from datetime import date
from uuid import UUID

from goodwill.application import Goodwill
from goodwill.application.core import SYSTEM_ACTOR as ROOT
from goodwill.bootstrap import bootstrap
from goodwill.domain.attendee import Consent, Profile
from goodwill.settings import Settings
from goodwill.tokens import DEVICE, Keys

CHUNK = 500
"""Attendees registered per transaction while seeding: seeding is not what is measured."""


@dataclass(frozen=True)
class Device:
    token: str
    address: str
    """The loopback address the device connects from: each door its own, as in a hall."""
    codes: list[str]


@dataclass(frozen=True)
class Plan:
    url: str
    conference_id: str
    devices: list[Device]

    @classmethod
    def from_dict(cls, data: dict) -> Plan:
        return cls(data["url"], data["conference_id"],
                   [Device(**device) for device in data["devices"]])

    def as_dict(self) -> dict:
        return asdict(self)


def seed(settings: Settings, url: str, tickets: int, devices: int, seed: int) -> Plan:
    """The event, its read models caught up, and each device's share of the tickets, dealt
    at random by ``seed``: no two devices ever scan the same ticket."""
    system = bootstrap(settings)
    try:
        app = system.app
        organizer, conference_id = door_event(app)
        codes = register(app, organizer, conference_id, tickets)
        random.Random(seed).shuffle(codes)
        keys = Keys(settings.secret_key)
        tokens = [keys.token(DEVICE, app.issue_device(organizer, uuid.uuid4(), conference_id,
                                                      f"Door {n + 1}").result["device_id"])
                  for n in range(devices)]
        system.runner.catch_up()
    finally:
        system.close()
    return Plan(url, str(conference_id), [
        Device(token, f"127.0.0.{2 + n}", codes[n::devices]) for n, token in enumerate(tokens)])


def door_event(app: Goodwill) -> tuple[UUID, UUID]:
    organizer = app.register_person(ROOT, uuid.uuid4(), "Bench Organizer",
                                    "organizer@bench.example").result["person_id"]
    app.grant_organizer_role(ROOT, uuid.uuid4(), organizer)
    event = app.create_conference(organizer, uuid.uuid4(), "Door Burst", date.today(),
                                  date.today(), "UTC", "Hall", {"main": "Main entrance"})
    return organizer, event.result["conference_id"]


def register(app: Goodwill, organizer: UUID, conference_id: UUID, tickets: int) -> list[str]:
    """Attendees in chunks, each chunk one decision as an import makes one per chunk; the
    answer is every ticket's code."""
    codes: list[str] = []
    for first in range(0, tickets, CHUNK):
        numbers, chunk = range(first, min(first + CHUNK, tickets)), []

        def decide():
            changed = []
            chunk.clear()  # a decision tried again starts over
            for number in numbers:
                name = f"Guest {number:05}"
                person, index = app.new_person(name, f"guest{number}@bench.example")
                enrolled, result = app.enrol(conference_id, person, Profile(name=name),
                                             Consent(), lists=("main",))
                changed += [index, *enrolled]
                chunk.append(result["ticket_code"])
            return changed, {"registered": len(numbers)}
        app.execute(organizer, uuid.uuid4(), "register_attendees", decide, audit=conference_id)
        codes += chunk
    return codes
