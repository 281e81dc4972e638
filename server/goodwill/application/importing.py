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
from dataclasses import replace
from uuid import UUID

from eventsourcing.domain import Aggregate

from goodwill.application.boundary import check_events
from goodwill.application.core import SYSTEM_ACTOR, Outcome
from goodwill.application.import_rows import (ImportRow, changed_fields, kept_from_loss,
                                              list_keys)
from goodwill.application.people import PeopleCommands, sealed, unindexed_person
from goodwill.application.reading_ahead import Known, index_of, read_ahead
from goodwill.domain.attendee import Attendee, Consent, Profile
from goodwill.domain.conference import Conference
from goodwill.domain.errors import ConflictError, DomainError
from goodwill.domain.ids import attendee_id, email_id
from goodwill.domain.imported import ImportedTicket
from goodwill.domain.person import EmailIndex, Person
from goodwill.domain.personal import personal
from goodwill.domain.ticket import Ticket

__all__ = ["ImportCommands", "ImportRow"]
ALREADY = "This email is already registered for this event, but not by an import of this ticket."
FORGOTTEN = "This person asked to be forgotten: remove the row from the file."
MOVED = "This ticket was imported for another email: an import gives no ticket to someone else."
KEPT = ("Kept as imported before: {} in the file lost letters to its encoding (save it as"
        " UTF-8).")
Decided = tuple[str, list[Aggregate], list[str], list[list[str]]]
"""What became of a row ("created", "updated", "unchanged"), the aggregates to save, the
profile fields kept from the last import because the file spoilt them, and each change as
[field, old, new]."""


class ImportCommands(PeopleCommands):
    def import_attendees(self, actor: UUID, command_id: UUID, conference_id: UUID,
                         rows: Sequence[ImportRow]) -> Outcome:
        """Answers how many rows were created, updated or left unchanged, and each refused
        row's line and reason; never personal data, since receipts are not sealed."""
        def decide():
            changed, result = self._decide_import(actor, conference_id, rows)
            self.keyring.create_keys([a.id for a in changed
                                      if isinstance(a, Person) and a.is_new])
            del result["changes"]  # old and new values are personal: receipts keep none
            return changed, result
        return self.execute(actor, command_id, "import_attendees", decide, audit=conference_id)

    def try_import(self, actor: UUID, conference_id: UUID, rows: Sequence[ImportRow]) -> dict:
        """The answer :meth:`import_attendees` would give, decided the same way on the same
        state and checked at the same boundary, with nothing saved: a dry run whose counts
        are the import's. It also lists what each updated row would change, old → new, as
        [line, field, old, new], for the organizer to see before it applies."""
        changed, result = self._decide_import(actor, conference_id, rows)
        check_events(changed)
        return result

    def _decide_import(self, actor: UUID, conference_id: UUID,
                       rows: Sequence[ImportRow]) -> tuple[list[Aggregate], dict]:
        conference = self._importing_into(conference_id, actor)
        known, first_line = read_ahead(self, conference, rows), {}
        changed, counts, refused, kept, changes = [], Counter(), [], [], []
        for row in rows:
            try:
                once_per_chunk(first_line, conference, row)
                outcome, aggregates, spoilt, made = self._import_row(known, conference, row)
            except DomainError as error:
                refused.append([row.line, error.message])
                continue
            counts[outcome] += 1
            changed += aggregates
            if spoilt:
                kept.append([row.line, KEPT.format(" and ".join(spoilt))])
            changes += [[row.line, *change] for change in made]
        return changed, {"created": counts["created"], "updated": counts["updated"],
                         "unchanged": counts["unchanged"], "refused": refused, "kept": kept,
                         "changes": changes}

    def _importing_into(self, conference_id: UUID, actor: UUID) -> Conference:
        """The event's organizers import, and so does the command line."""
        if actor == SYSTEM_ACTOR:
            return self.get(Conference, conference_id, "event")
        return self.organized_by(conference_id, actor)

    def _import_row(self, known: Known, conference: Conference, row: ImportRow) -> Decided:
        lists = list_keys(conference, row.lists)
        index = known.find(ImportedTicket, index_of(conference, row))
        if index is None:
            return "created", self._first_import(known, conference, row, lists), [], []
        row, spoilt = kept_from_loss(index, row)
        changes = changes_of(conference, index, row, lists)  # before the index takes the row
        return (*self._reimport(known, index, row, lists), spoilt, changes)

    def _first_import(self, known: Known, conference: Conference, row: ImportRow,
                      lists: list[str]) -> list[Aggregate]:
        person, new = self._person_for(known, conference, row)
        person_id = person.id
        enrolled, result = self.enrol(conference.id, person,
                                      Profile(row.name, row.company, row.role,
                                              row.offers, row.needs), Consent(),
                                      lists=tuple(lists))
        ticket = next(a for a in enrolled if isinstance(a, Ticket))
        ticket.set_type(row.ticket_type)
        index = ImportedTicket(attendee_id=result["attendee_id"], person_id=person_id,
                               ticket_id=result["ticket_id"], lists=lists,
                               values=personal(person_id, **row.values()),
                               id=index_of(conference, row))
        return [*new, *enrolled, index]

    def _person_for(self, known: Known, conference: Conference,
                    row: ImportRow) -> tuple[Person, list[Aggregate]]:
        """Found by email as :meth:`register_person` finds them, or new, with the index a new
        one needs; but a file never brings back someone who asked to be forgotten, nor
        someone already at this event. A row without email (a colleague on the buyer's
        order) is always someone new: only their ticket finds them again."""
        if not row.email:
            return unindexed_person(row.name, ""), []
        index = known.find(EmailIndex, email_id(row.email))
        if index is None:
            person, index = self.new_person(row.name, row.email)
            return person, [index]
        person = known.find(Person, index.person_id)
        if person is None or person.forgotten:
            raise DomainError(FORGOTTEN)
        if known.find(Attendee, attendee_id(conference.id, person.id)):
            raise ConflictError(ALREADY)
        return person, []

    def _reimport(self, known: Known, index: ImportedTicket, row: ImportRow,
                  lists: list[str]) -> tuple[str, list[Aggregate]]:
        """Only what changed in the file since the last import; a value the attendee has
        edited since and the file has not is left as the attendee made it."""
        if not index.values["name"]:  # sealed with a key that "forget me" destroyed
            raise DomainError(FORGOTTEN)
        if index.values["email"].lower() != row.email.lower():
            raise ConflictError(MOVED)
        changed: list[Aggregate] = []
        if changes := changed_fields(index, row):
            attendee = known.find(Attendee, index.attendee_id)
            attendee.update_profile(profile=sealed(index.person_id,
                                                   replace(attendee.profile, **changes)))
            changed.append(attendee)
        retyped = row.ticket_type != index.values.get("ticket_type", "")
        if lists != index.lists or retyped:
            ticket = known.find(Ticket, index.ticket_id)
            if lists != index.lists:
                ticket.change_lists(lists)
            if retyped:
                ticket.set_type(row.ticket_type)
            changed.append(ticket)
        if not changed:
            return "unchanged", []
        index.reimport(values=personal(index.person_id, **row.values()), lists=lists)
        return "updated", [*changed, index]


def once_per_chunk(first_line: dict[UUID, int], conference: Conference, row: ImportRow) -> None:
    """Two rows for one person in one chunk would make them twice; files are checked for
    this already, but the command does not rely on its callers."""
    for key in {index_of(conference, row), *([email_id(row.email)] if row.email else [])}:
        if key in first_line:
            raise ConflictError(f"The same person as line {first_line[key]}.")
        first_line[key] = row.line


def changes_of(conference: Conference, index: ImportedTicket, row: ImportRow,
               lists: list[str]) -> list[list[str]]:
    """What a re-import of ``row`` changes, as [field, old, new]: the profile fields whose
    value in the file changed, the ticket's type and its check-in lists by name."""
    found = [[name, index.values.get(name, ""), new]
             for name, new in changed_fields(index, row).items()]
    if row.ticket_type != index.values.get("ticket_type", ""):
        found.append(["ticket_type", index.values.get("ticket_type", ""), row.ticket_type])
    if lists != index.lists:
        names = conference.check_in_lists
        found.append(["lists", *(", ".join(names.get(key, key) for key in keys)
                                 or "every entrance" for keys in (index.lists, lists))])
    return found
