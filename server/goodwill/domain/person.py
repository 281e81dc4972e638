"""A person, who may attend many events, and the index that finds them by email."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.personal import Personal


class Person(Aggregate):
    id: UUID  # chosen before creation: the person's own key seals their name and email

    @event("Registered")
    def __init__(self, name: Personal, email: Personal) -> None:
        self.is_organizer = False
        self.forgotten = False
        self.events: list[UUID] = []
        """The events they attend or staff: whose organizers may act for them, and who not."""

    @property
    def is_new(self) -> bool:
        """Made in the decision under way: none of its events is saved yet."""
        return self.version == len(self.pending_events)

    def take_part(self, conference_id: UUID) -> None:
        if conference_id not in self.events:
            self._took_part(conference_id=conference_id)

    @event("TookPart")
    def _took_part(self, conference_id: UUID) -> None:
        self.events = [*self.events, conference_id]

    @event("OrganizerRoleGranted")
    def grant_organizer_role(self) -> None:
        self.is_organizer = True

    @event("Forgotten")
    def forget(self) -> None:
        """Read models drop what they hold of this person; their key is destroyed after."""
        self.forgotten = True


class EmailIndex(Aggregate):
    """Id derived from the email, so registering the same address twice finds the first person."""

    id: UUID  # derived, passed in by the application

    @event("Indexed")
    def __init__(self, person_id: UUID) -> None:
        self.person_id = person_id

    @event("Reassigned")
    def reassign(self, person_id: UUID) -> None:
        """The address's former person was forgotten; it now belongs to someone new."""
        self.person_id = person_id
