"""Ticket codes, so an event's organizers can show or print a ticket again.

A code is secret: whoever holds it gets in. It reaches this table from the ticket's own
``Issued`` event, where it is sealed with the holder's key, so forgetting the holder drops
it here and a rebuild reads nothing back. Only the organizers' ticket page reads it.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.ticket import Ticket
from goodwill.projections.engine.base import Projection, key, on


class TicketCodes(Projection):
    name = "ticket_codes"
    tables = {"ticket_codes": "ticket_id TEXT PRIMARY KEY, attendee_id TEXT NOT NULL,"
                              " code TEXT NOT NULL"}
    indexes = ("CREATE INDEX IF NOT EXISTS ticket_codes_by_attendee"
               " ON ticket_codes (attendee_id)",)
    forgets = ("DELETE FROM ticket_codes WHERE attendee_id IN"
               " (SELECT attendee_id FROM attendees WHERE person_id = ?)",)

    @on
    def issued(self, e: Ticket.Issued, tx: Tx) -> None:
        """A version 1 ticket, or one whose holder was forgotten, has no code to keep."""
        if e.code:
            tx.execute("INSERT INTO ticket_codes VALUES (?, ?, ?)",
                       (key(e.originator_id), key(e.attendee_id), e.code))


async def ticket_of(db: Reader, conference_id: UUID, person_id: UUID) -> dict[str, Any] | None:
    """The attendee's name, ticket and code (None when it was never kept), and whether they
    have an email of their own to send a link to; None if they do not attend."""
    return await db.fetchrow(
        "SELECT a.attendee_id, a.person_id, a.name, t.ticket_id, c.code,"
        " CASE WHEN COALESCE(p.email, '') <> '' THEN 1 ELSE 0 END AS has_email"
        " FROM attendees a LEFT JOIN people p ON p.person_id = a.person_id"
        " LEFT JOIN ticket_state t ON t.attendee_id = a.attendee_id"
        " LEFT JOIN ticket_codes c ON c.ticket_id = t.ticket_id"
        " WHERE a.conference_id = ? AND a.person_id = ?", str(conference_id), str(person_id))
