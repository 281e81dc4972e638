"""Whose ticket, at which event: kept by every read model that counts or lists scans,
because a scan names only its ticket.

Each read model keeps its own copy (named by ``tickets_table``), because read models move
through the log at their own pace and must never read each other's half-written state.
"""

from __future__ import annotations

from typing import ClassVar
from uuid import UUID

from goodwill.database import Tx
from goodwill.domain.ticket import Ticket
from goodwill.projections.engine.base import Projection, key, on

TICKET_COLUMNS = ("ticket_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL,"
                  " attendee_id TEXT NOT NULL")


class TicketHolders(Projection):
    tickets_table: ClassVar[str]

    @on
    def ticket_issued(self, e: Ticket.Issued, tx: Tx) -> None:
        tx.execute(f"INSERT INTO {self.tickets_table} (ticket_id, conference_id, attendee_id)"
                   " VALUES (?, ?, ?)",
                   (key(e.originator_id), key(e.conference_id), key(e.attendee_id)))

    def holder_of(self, tx: Tx, ticket_id: UUID) -> tuple[str, str]:
        """The ticket's event and attendee."""
        (conference_id, attendee_id), = tx.fetchall(
            f"SELECT conference_id, attendee_id FROM {self.tickets_table} WHERE ticket_id = ?",
            (key(ticket_id),))
        return conference_id, attendee_id
