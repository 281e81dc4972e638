"""An attendee's day at their events at a glance: where their ticket was checked in and whom
they met. Queries only, over the directory, check-in and timeline tables; times stay UTC
text, and the caller says which span is "today" on the event's clock."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader


async def attended(db: Reader, person_id: UUID) -> list[dict[str, Any]]:
    """The events a person attends with their time zones, the latest to start last."""
    return await db.fetch(
        "SELECT c.conference_id, c.name, c.timezone FROM attendees a"
        " JOIN conferences c ON c.conference_id = a.conference_id WHERE a.person_id = ?"
        " ORDER BY c.starts_on, a.registered_at, c.conference_id", str(person_id))


async def check_ins(db: Reader, conference_id: UUID, person_id: UUID) -> list[dict[str, Any]]:
    """Each entrance my ticket there was checked in at, with its name, the latest check-in
    there and whether I am still inside; in the order I came in."""
    rows = await db.fetch(
        "SELECT l.name AS list_name, tl.checked_in_at, tl.inside FROM attendees a"
        " JOIN ticket_state ts ON ts.attendee_id = a.attendee_id"
        " JOIN ticket_lists tl ON tl.ticket_id = ts.ticket_id"
        " JOIN check_in_lists l ON l.conference_id = ts.conference_id"
        " AND l.list_key = tl.list_key WHERE a.conference_id = ? AND a.person_id = ?"
        " ORDER BY tl.checked_in_at, l.name", str(conference_id), str(person_id))
    return [{**row, "inside": bool(row["inside"])} for row in rows]


async def met_between(db: Reader, person_id: UUID, conference_id: UUID, start: str,
                      end: str) -> list[dict[str, Any]]:
    """The people I connected with, or met again, at this event from ``start`` until before
    ``end``, once each, the latest first, with the name each goes by there."""
    return await db.fetch(
        "SELECT t.other_person_id AS person_id, MAX(a.name) AS name, MAX(t.at) AS met_at"
        " FROM timeline_entries t LEFT JOIN attendees a ON a.person_id = t.other_person_id"
        " AND a.conference_id = t.conference_id WHERE t.person_id = ? AND t.conference_id = ?"
        " AND t.kind IN ('connected', 'met_again') AND t.at >= ? AND t.at < ?"
        " GROUP BY t.other_person_id ORDER BY met_at DESC, person_id",
        str(person_id), str(conference_id), start, end)
