"""What a chunk of import rows will ask the store for, read before the rows are decided:
four queries for the chunk instead of two to four per row (on PostgreSQL each read is a
round trip). A row that asks for something not read ahead reads it alone."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from goodwill.application.core import CommandApplication
from goodwill.application.import_rows import ImportRow, changed_fields, list_keys
from goodwill.domain.conference import Conference
from goodwill.domain.errors import DomainError
from goodwill.domain.ids import attendee_id, email_id
from goodwill.domain.imported import ImportedTicket, imported_ticket_id


class Known:
    """The aggregates read ahead, and which ids were asked for: one asked for and not found
    does not exist, so it is not read again. With ``kinds``, only aggregates of those kinds
    are read ahead (see :meth:`CommandApplication.find_all`); one of another kind is not."""

    def __init__(self, app: CommandApplication,
                 kinds: Sequence[type[Aggregate]] | None = None) -> None:
        self.app, self.kinds, self.found, self.asked = app, kinds, {}, set()

    def read(self, ids: set[UUID]) -> dict[UUID, Aggregate]:
        self.found |= self.app.find_all(ids - self.asked, self.kinds)
        self.asked |= ids
        return self.found

    def find(self, cls: type[Aggregate], aggregate_id: UUID) -> Any:
        if aggregate_id not in self.asked or (self.kinds and cls not in self.kinds):
            return self.app.find(cls, aggregate_id)
        found = self.found.get(aggregate_id)
        return found if isinstance(found, cls) else None

    def take(self, cls: type[Aggregate], aggregate_id: UUID) -> Any:
        """As :meth:`find`, once: an aggregate a decision may change is read afresh the next
        time it is asked for, as a command tried again after a conflict must."""
        found = self.find(cls, aggregate_id)
        self.asked.discard(aggregate_id)
        self.found.pop(aggregate_id, None)
        return found


def read_ahead(app: CommandApplication, conference: Conference, rows: Sequence[ImportRow]) -> Known:
    """Email indexes first (they seal nothing), then the keys of the people they name, which
    open what the import indexes keep; then each person the import meets for the first time
    and their attendee record, and the attendee or ticket of a row that changed."""
    known = Known(app)
    emails = known.read({email_id(row.email) for row in rows if row.email})
    app.keyring.load_keys({index.person_id for index in emails.values()})
    indexes = known.read({index_of(conference, row) for row in rows})
    more = set()
    for row in rows:
        index = indexes.get(index_of(conference, row))
        by_email = emails.get(email_id(row.email)) if row.email else None
        if isinstance(index, ImportedTicket):
            more |= changed_aggregates(conference, index, row)
        elif by_email is not None:
            more |= {by_email.person_id, attendee_id(conference.id, by_email.person_id)}
    known.read(more)
    return known


def index_of(conference: Conference, row: ImportRow) -> UUID:
    return imported_ticket_id(conference.id, row.external_id, row.email)


def changed_aggregates(conference: Conference, index: ImportedTicket, row: ImportRow) -> set[UUID]:
    wanted = set()
    if changed_fields(index, row):
        wanted.add(index.attendee_id)
    try:
        if list_keys(conference, row.lists) != index.lists:
            wanted.add(index.ticket_id)
    except DomainError:
        pass  # the row is refused when it is decided
    return wanted
