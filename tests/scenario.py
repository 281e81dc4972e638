"""A small event set up through the real commands, for tests to build stories on."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from goodwill.application import Goodwill
from goodwill.application.core import SYSTEM_ACTOR as ROOT
from goodwill.domain.attendee import Consent, Profile



@dataclass
class Guest:
    person_id: UUID
    attendee_id: UUID
    ticket_code: str
    connect_code: str


@dataclass
class Scenario:
    """``Scenario(app)`` gives an organizer and an event with two entrances;
    ``guest(name)`` registers an attendee with a ticket and a badge."""

    app: Goodwill
    guests: dict[str, Guest] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.organizer = self.person("Olga Organizer", "olga@example.org")
        self.app.grant_organizer_role(ROOT, uuid.uuid4(), self.organizer)
        self.conference_id = self.app.create_conference(
            self.organizer, uuid.uuid4(), "Reciprocity Summit", date(2026, 11, 25),
            date(2026, 11, 26), "Europe/Berlin", "Congress Hall",
            {"main": "Main entrance", "workshop": "Workshop room"}).result["conference_id"]

    def person(self, name: str, email: str) -> UUID:
        return self.app.register_person(ROOT, uuid.uuid4(), name, email).result["person_id"]

    def guest(self, name: str, listed: bool = True, **profile: str) -> Guest:
        person_id = self.person(name, f"{name.lower().replace(' ', '.')}@example.org")
        result = self.app.register_attendee(
            self.organizer, uuid.uuid4(), self.conference_id, person_id,
            Profile(name=name, **profile),
            Consent(listed_in_directory=listed, shared_with_organizer=listed)).result
        self.guests[name] = Guest(person_id, result["attendee_id"], result["ticket_code"],
                                  result["connect_code"])
        return self.guests[name]

    def __getitem__(self, name: str) -> Guest:
        return self.guests.get(name) or self.guest(name)
