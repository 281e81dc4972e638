"""A person, who may attend many events, and the index that finds them by email."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import Aggregate, event


class Person(Aggregate):
    @event("Registered")
    def __init__(self, name: str, email: str) -> None:
        self.name, self.email = name, email
        self.is_organizer = False

    @event("OrganizerRoleGranted")
    def grant_organizer_role(self) -> None:
        self.is_organizer = True


class EmailIndex(Aggregate):
    """Id derived from the email, so registering the same address twice finds the first person."""

    id: UUID  # derived, passed in by the application

    @event("Indexed")
    def __init__(self, person_id: UUID) -> None:
        self.person_id = person_id
