"""Badges to print: who wears which connect code, and what of them the badge shows.

A printed badge is seen by everyone at the event, so it shows what scanning it shows
(:func:`goodwill.projections.directory.wearer`): the name always, the company only when its
owner is listed in the event's directory (DESIGN.md, section 4). Queries only."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader

WEARERS = (" FROM attendees a LEFT JOIN ticket_state t ON t.attendee_id = a.attendee_id"
           " WHERE a.conference_id = ? AND a.name <> '' AND COALESCE(t.revoked, 0) = 0")
"""Everyone to print a badge for: not forgotten (no name left), ticket not revoked."""


async def badges(db: Reader, conference_id: UUID, limit: int, offset: int) -> list[dict[str, Any]]:
    """By name, as they are laid out for handing out at the door."""
    return await db.fetch(
        "SELECT a.person_id, a.name, a.connect_code, CASE WHEN a.listed_in_directory = 1"
        " THEN a.company ELSE '' END AS company" + WEARERS +
        " ORDER BY a.name, a.attendee_id LIMIT ? OFFSET ?", str(conference_id), limit, offset)


async def badge_count(db: Reader, conference_id: UUID) -> int:
    return await db.fetchval("SELECT COUNT(*)" + WEARERS, str(conference_id))
