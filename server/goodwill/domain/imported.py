"""What an import made of one row of a ticketing system's export.

Its id is derived from the event and the row's external ticket id (pretix position,
Eventbrite attendee #) or, lacking one, its email, so importing the same export again finds
the attendee instead of registering them twice. It keeps the values last imported, sealed
with the person's key: a re-import changes only what changed in the file, and leaves alone
what the attendee has since edited themselves.
"""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.ids import derived

IMPORTED = ("name", "email", "company", "role", "offers", "needs", "ticket_type")
"""The columns an import keeps, to tell on the next import what changed in the file (an
index imported before offers, needs and ticket types were keeps none: read as empty)."""


def imported_ticket_id(conference_id: UUID, external_id: str, email: str) -> UUID:
    if external_id:
        return derived("imported-ticket", conference_id, "external", external_id)
    return derived("imported-ticket", conference_id, "email", email.strip().lower())


class ImportedTicket(Aggregate):
    id: UUID  # derived, passed in by the application

    @event("Imported")
    def __init__(self, attendee_id: UUID, person_id: UUID, ticket_id: UUID, values: dict,
                 lists: list[str]) -> None:
        self.attendee_id, self.person_id, self.ticket_id = attendee_id, person_id, ticket_id
        self.values, self.lists = values, lists

    @event("Reimported")
    def reimport(self, values: dict, lists: list[str]) -> None:
        self.values, self.lists = values, lists
