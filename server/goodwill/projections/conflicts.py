"""Check-in conflicts: tickets a door device admitted offline although, by the time its scan
reached the server, the ticket was inside already or had been revoked. The person got in
either way; the organizers see who, where, and both devices with their times.

A read model of its own, so that on a store that predates it, it is built from the whole log.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.ticket import Ticket
from goodwill.projections.engine.base import iso, key, on
from goodwill.projections.ticket_holders import TICKET_COLUMNS, TicketHolders


class CheckInConflicts(TicketHolders):
    name = "check_in_conflicts"
    tickets_table = "conflict_tickets"
    tables = {
        "check_in_conflicts": "ticket_id TEXT NOT NULL, version BIGINT NOT NULL,"
                              " conference_id TEXT NOT NULL, attendee_id TEXT NOT NULL,"
                              " list_key TEXT NOT NULL, kind TEXT NOT NULL,"
                              " device TEXT NOT NULL, scanned_at TEXT NOT NULL,"
                              " first_device TEXT, first_scanned_at TEXT,"
                              " received_at TEXT NOT NULL, PRIMARY KEY (ticket_id, version)",
        "conflict_tickets": TICKET_COLUMNS,
    }
    indexes = ("CREATE INDEX IF NOT EXISTS check_in_conflicts_by_event"
               " ON check_in_conflicts (conference_id, received_at)",)

    @on
    def recorded(self, e: Ticket.ConflictRecorded, tx: Tx) -> None:
        tx.execute("INSERT INTO check_in_conflicts SELECT ticket_id, ?, conference_id,"
                   " attendee_id, ?, ?, ?, ?, ?, ?, ? FROM conflict_tickets WHERE ticket_id = ?",
                   (e.originator_version, e.list_key, e.kind, e.device, iso(e.scanned_at),
                    e.first_device, e.first_scanned_at and iso(e.first_scanned_at),
                    iso(e.timestamp), key(e.originator_id)))


async def conflicts(db: Reader, conference_id: UUID) -> list[dict[str, Any]]:
    """Newest first, by when the server heard of them, with the entrance's name. Every
    conflict is listed, by its ticket; the holder's name only where they share their
    profile with the organizers (and are not forgotten), as everywhere organizers look."""
    return await db.fetch(
        "SELECT c.ticket_id, c.attendee_id, CASE WHEN a.shared_with_organizer = 1"
        " AND a.name <> '' THEN a.name END AS name, c.list_key, l.name AS list_name, c.kind,"
        " c.device, c.scanned_at, c.first_device, c.first_scanned_at, c.received_at"
        " FROM check_in_conflicts c LEFT JOIN attendees a ON a.attendee_id = c.attendee_id"
        " LEFT JOIN check_in_lists l ON l.conference_id = c.conference_id"
        " AND l.list_key = c.list_key WHERE c.conference_id = ?"
        " ORDER BY c.received_at DESC, c.ticket_id, c.version DESC", str(conference_id))
