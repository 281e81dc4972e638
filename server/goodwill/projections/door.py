"""What the check-in desk reads: ticket holders by name or email, each ticket's state per
entrance, and the whole event's list for a device to decide offline. Queries only, over
the directory and check-in tables.

The crew see every ticket holder's name and ticket state; a company only where its owner
is listed in the directory, which shows it to everyone at the event anyway. Emails find a
person when typed in full, and are never shown, so a search cannot list them.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from goodwill.database import Reader, marks

HOLDERS = (
    "SELECT t.ticket_id, t.conference_id, t.attendee_id, a.name,"
    " CASE WHEN a.listed_in_directory = 1 THEN a.company ELSE '' END AS company,"
    " t.lists, t.revoked FROM ticket_state t JOIN attendees a ON a.attendee_id = t.attendee_id")


async def door_list(db: Reader, conference_id: UUID) -> list[dict[str, Any]]:
    """Every ticket of the event with its holder and, per entrance, whether it is inside:
    what a door device keeps to decide on its own while the network is gone. Tickets are
    named by id, which is derived from the code, so the list holds no code."""
    rows = await db.fetch(HOLDERS + " WHERE t.conference_id = ? ORDER BY t.ticket_id",
                          str(conference_id))
    return with_scans(rows, await db.fetch(
        SCANS + " JOIN ticket_state t ON t.ticket_id = l.ticket_id WHERE t.conference_id = ?",
        str(conference_id)))


async def search(db: Reader, conference_id: UUID, text: str,
                 limit: int = 20) -> list[dict[str, Any]]:
    """By part of the name, or by the whole email address; with ticket state."""
    text = text.strip().lower()
    rows = await db.fetch(
        HOLDERS + " JOIN people p ON p.person_id = a.person_id WHERE t.conference_id = ?"
        " AND a.name <> '' AND (LOWER(a.name) LIKE ? OR LOWER(p.email) = ?)"
        " ORDER BY a.name, t.ticket_id LIMIT ?",
        str(conference_id), f"%{text}%", text, limit)
    return await scanned(db, rows)


async def holders(db: Reader, ticket_ids: set[str]) -> dict[str, dict[str, Any]]:
    """The tickets and whose they are, for the answers a desk shows."""
    rows = await db.fetch(HOLDERS + f" WHERE t.ticket_id IN ({marks(ticket_ids)})",
                          *ticket_ids)
    return {row["ticket_id"]: row for row in await scanned(db, rows)}


async def scanned(db: Reader, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    ids = [row["ticket_id"] for row in rows]
    return with_scans(rows, await db.fetch(SCANS + f" WHERE l.ticket_id IN ({marks(ids)})",
                                           *ids))


SCANS = "SELECT l.ticket_id, l.list_key, l.inside, l.checked_in_at, l.device FROM ticket_lists l"


def with_scans(rows: list[dict[str, Any]], scans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row's ``lists`` and ``revoked`` decoded, and ``check_ins``: per entrance it was
    checked in at, whether it is inside, since when and by which device."""
    by_ticket: dict[str, dict[str, Any]] = {}
    for s in scans:
        by_ticket.setdefault(s["ticket_id"], {})[s["list_key"]] = {
            "inside": bool(s["inside"]), "checked_in_at": s["checked_in_at"],
            "device": s["device"]}
    return [{**row, "lists": json.loads(row["lists"]), "revoked": bool(row["revoked"]),
             "check_ins": by_ticket.get(row["ticket_id"], {})} for row in rows]
