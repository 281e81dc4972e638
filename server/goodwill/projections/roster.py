"""Who is at an event, as its crew and an attendee's connections may see them. Queries only,
over the directory, check-in and follow-up tables: what each caller may see of a row is
decided by the caller's role and the attendee's consent columns returned here."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.projections.directory import as_shared

ROSTER = (
    "SELECT a.attendee_id, a.person_id, a.name, a.company, a.role, a.offers, a.needs,"
    " a.shared_with_organizer, p.email, COALESCE(t.revoked, 0) AS revoked,"
    " (SELECT COUNT(*) FROM ticket_lists l WHERE l.ticket_id = t.ticket_id) AS checked_in,"
    " (SELECT COUNT(*) FROM ticket_lists l WHERE l.ticket_id = t.ticket_id AND l.inside = 1)"
    " AS inside, COALESCE(tt.ticket_type, '') AS ticket_type"
    " FROM attendees a JOIN people p ON p.person_id = a.person_id"
    " LEFT JOIN ticket_state t ON t.attendee_id = a.attendee_id"
    " LEFT JOIN ticket_types tt ON tt.ticket_id = t.ticket_id WHERE a.conference_id = ?")
THEM = ("SELECT them.person_id, them.conference_id, them.name, them.company, them.role,"
        " them.offers, them.needs, them.listed_in_directory,"
        " them.contact_shared_with_connections, p.email")
"""Someone at an event, with the consent choices that decide what of it another may see."""


async def roster(db: Reader, conference_id: UUID, search: str = "", limit: int = 50,
                 offset: int = 0) -> list[dict[str, Any]]:
    """Every attendee, so counts are right: those who shared with organizers first, by name;
    the others after, by id, so an anonymous row's place says nothing of its name. A search
    finds only those who shared, or it would tell whose name is hidden."""
    pattern = f"%{search.lower()}%"
    return await db.fetch(
        ROSTER + " AND (? = '' OR (a.shared_with_organizer = 1 AND LOWER(a.name) LIKE ?))"
        " ORDER BY a.shared_with_organizer DESC,"
        " CASE WHEN a.shared_with_organizer = 1 THEN a.name ELSE '' END, a.attendee_id"
        " LIMIT ? OFFSET ?", str(conference_id), search, pattern, limit, offset)


async def door_list(db: Reader, conference_id: UUID, search: str = "", limit: int = 50,
                    offset: int = 0) -> list[dict[str, Any]]:
    """By name, for staff at the door: finding someone whose code will not scan."""
    return await db.fetch(ROSTER + " AND LOWER(a.name) LIKE ? ORDER BY a.name, a.attendee_id"
                          " LIMIT ? OFFSET ?", str(conference_id), f"%{search.lower()}%",
                          limit, offset)


async def connected(db: Reader, person_id: UUID, other_id: UUID) -> bool:
    return await db.fetchval("SELECT COUNT(*) FROM followup_contacts WHERE person_id = ?"
                             " AND other_id = ?", str(person_id), str(other_id)) > 0


async def shared_events(db: Reader, person_id: UUID, other_id: UUID) -> list[dict[str, Any]]:
    """``other_id``'s profile at each event both attend, with their consent to be listed and to
    show their contact details to connections and, to be dropped without it, their email.
    Their profile is blanked where they are not listed: meeting someone shows their name."""
    rows = await db.fetch(
        THEM + " FROM attendees them"
        " JOIN attendees me ON me.conference_id = them.conference_id AND me.person_id = ?"
        " JOIN people p ON p.person_id = them.person_id WHERE them.person_id = ?"
        " ORDER BY them.registered_at, them.conference_id", str(person_id), str(other_id))
    return [as_shared(row) for row in rows]


async def connections(db: Reader, person_id: UUID) -> list[dict[str, Any]]:
    """Everyone ``person_id`` is connected with, as at each event they both attend: by
    person, then in the order of those events, with the same consent columns."""
    return await db.fetch(
        THEM + " FROM followup_contacts c JOIN attendees them ON them.person_id = c.other_id"
        " JOIN attendees me ON me.conference_id = them.conference_id"
        " AND me.person_id = c.person_id JOIN people p ON p.person_id = them.person_id"
        " WHERE c.person_id = ? ORDER BY them.person_id, them.registered_at, them.conference_id",
        str(person_id))


async def contacts(db: Reader, person_id: UUID) -> list[dict[str, Any]]:
    """Everyone I am connected with, by name; the forgotten, whose names are gone, are left out."""
    return await db.fetch(
        "SELECT c.other_id AS person_id, p.name FROM followup_contacts c"
        " JOIN people p ON p.person_id = c.other_id WHERE c.person_id = ? AND p.name <> ''"
        " ORDER BY p.name, c.other_id", str(person_id))


async def latest_event_of_all(db: Reader, *people: UUID) -> str | None:
    """The event all of them attend that starts last: where something among them happens."""
    return await db.fetchval(
        "SELECT a.conference_id FROM attendees a"
        " JOIN conferences c ON c.conference_id = a.conference_id"
        f" WHERE a.person_id IN ({', '.join('?' * len(people))})"
        " GROUP BY a.conference_id, c.starts_on HAVING COUNT(DISTINCT a.person_id) = ?"
        " ORDER BY c.starts_on DESC, a.conference_id DESC LIMIT 1",
        *map(str, people), len(set(people)))
