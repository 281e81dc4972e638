"""Importing attendees in bulk from a ticketing system's export.

One command decides a chunk of rows (a few hundred) and saves all their aggregates and one
receipt in one transaction: 10,000 rows are twenty commits, not ten thousand. The caller
derives each chunk's command id from its import and its number, so a retried chunk is
answered from its receipt. A row becomes what registration makes of a person
(:meth:`new_person`, :meth:`enrol`) plus an :class:`ImportedTicket` that finds it on the
next import; a row the event's state refuses is answered with its line and why, and the
rest of its chunk goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from uuid import UUID

from eventsourcing.domain import Aggregate

from goodwill.application.core import SYSTEM_ACTOR, Outcome
from goodwill.application.people import PeopleCommands, sealed
from goodwill.domain.attendee import Attendee, Consent, Profile
from goodwill.domain.conference import Conference
from goodwill.domain.errors import ConflictError, DomainError, NotFoundError
from goodwill.domain.ids import attendee_id, email_id
from goodwill.domain.imported import IMPORTED, ImportedTicket, imported_ticket_id
from goodwill.domain.person import EmailIndex, Person
from goodwill.domain.personal import personal
from goodwill.domain.ticket import Ticket

ALREADY = "This email is already registered for this event, but not by an import of this ticket."
FORGOTTEN = "This person asked to be forgotten: remove the row from the file."
MOVED = "This ticket was imported for another email: an import gives no ticket to someone else."
Decided = tuple[str, list[Aggregate]]
"""What became of a row ("created", "updated", "unchanged") and the aggregates to save."""


@dataclass(frozen=True)
class ImportRow:
    """One attendee as a file gives them, its form already checked (see goodwill.imports)."""

    line: int
    name: str
    email: str
    company: str = ""
    role: str = ""
    external_id: str = ""
    lists: tuple[str, ...] = ()

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in IMPORTED}


class ImportCommands(PeopleCommands):
    def import_attendees(self, actor: UUID, command_id: UUID, conference_id: UUID,
                         rows: Sequence[ImportRow]) -> Outcome:
        """Answers how many rows were created, updated or left unchanged, and each refused
        row's line and reason; never personal data, since receipts are not sealed."""
        def decide():
            conference = self._importing_into(conference_id, actor)
            changed, counts, refused = [], Counter(), []
            for row in rows:
                try:
                    outcome, aggregates = self._import_row(conference, row)
                except DomainError as error:
                    refused.append([row.line, error.message])
                    continue
                counts[outcome] += 1
                changed += aggregates
            self.keyring.create_keys([a.id for a in changed if isinstance(a, Person)])
            return changed, {"created": counts["created"], "updated": counts["updated"],
                             "unchanged": counts["unchanged"], "refused": refused}
        return self.execute(actor, command_id, "import_attendees", decide, audit=conference_id)

    def _importing_into(self, conference_id: UUID, actor: UUID) -> Conference:
        """The event's organizers import, and so does the command line."""
        if actor == SYSTEM_ACTOR:
            return self.get(Conference, conference_id, "event")
        return self.organized_by(conference_id, actor)

    def _import_row(self, conference: Conference, row: ImportRow) -> Decided:
        lists = list_keys(conference, row.lists)
        index = self.find(ImportedTicket,
                          imported_ticket_id(conference.id, row.external_id, row.email))
        if index is None:
            return "created", self._first_import(conference.id, row, lists)
        return self._reimport(index, row, lists)

    def _first_import(self, conference_id: UUID, row: ImportRow,
                      lists: list[str]) -> list[Aggregate]:
        person_id, new = self._person_for(row)
        if not new and self.find(Attendee, attendee_id(conference_id, person_id)):
            raise ConflictError(ALREADY)
        enrolled, result = self.enrol(conference_id, person_id,
                                      Profile(row.name, row.company, row.role), Consent(),
                                      lists=tuple(lists))
        index = ImportedTicket(attendee_id=result["attendee_id"], person_id=person_id,
                               ticket_id=result["ticket_id"], lists=lists,
                               values=personal(person_id, **row.values()),
                               id=imported_ticket_id(conference_id, row.external_id, row.email))
        return [*new, *enrolled, index]

    def _person_for(self, row: ImportRow) -> tuple[UUID, list[Aggregate]]:
        """Found by email as :meth:`register_person` finds them, or new; but a file never
        brings back someone who asked to be forgotten."""
        index = self.find(EmailIndex, email_id(row.email))
        if index is None:
            person, index = self.new_person(row.name, row.email)
            return person.id, [person, index]
        if self.get(Person, index.person_id, "person").forgotten:
            raise DomainError(FORGOTTEN)
        return index.person_id, []

    def _reimport(self, index: ImportedTicket, row: ImportRow, lists: list[str]) -> Decided:
        """Only what changed in the file since the last import; a value the attendee has
        edited since and the file has not is left as the attendee made it."""
        before, now = index.values, row.values()
        if not before["email"]:  # sealed with a key that "forget me" destroyed
            raise DomainError(FORGOTTEN)
        if before["email"].lower() != now["email"].lower():
            raise ConflictError(MOVED)
        changes = {f: now[f] for f in ("name", "company", "role") if now[f] != before[f]}
        changed: list[Aggregate] = []
        if changes:
            attendee = self.get(Attendee, index.attendee_id, "attendee")
            attendee.update_profile(profile=sealed(index.person_id,
                                                   replace(attendee.profile, **changes)))
            changed.append(attendee)
        if lists != index.lists:
            ticket = self.get(Ticket, index.ticket_id, "ticket")
            ticket.change_lists(lists)
            changed.append(ticket)
        if not changed:
            return "unchanged", []
        index.reimport(values=personal(index.person_id, **now), lists=lists)
        return "updated", [*changed, index]


def list_keys(conference: Conference, named: Sequence[str]) -> list[str]:
    """The check-in lists a row names, by key or by name (none named: every entrance)."""
    lists = conference.check_in_lists
    by_name = {name.casefold(): key for key, name in lists.items()}
    keys = set()
    for name in named:
        key = name if name in lists else by_name.get(name.casefold())
        if key is None:
            raise NotFoundError(f"This event has no check-in list '{name}'"
                                f" (it has: {', '.join(lists.values()) or 'none'}).")
        keys.add(key)
    return sorted(keys)
