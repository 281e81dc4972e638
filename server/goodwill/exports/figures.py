"""The event's figures as one JSON document: who registered and came, check-ins per list,
and every metric hour by hour (UTC) and in total — the value the event created.

Consent: counts name nobody, so they count everyone, forgotten people included ("counts
stay right"); ``attendees.shared_with_organizer`` says how many rows the other exports
can name. Small and bounded (hours × metrics), so it is built whole and sent in one piece.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.exports.paging import shared
from goodwill.projections import checkins, figures

EVENT = ("conference_id", "name", "starts_on", "ends_on", "timezone", "venue")
HEADS = ("SELECT COUNT(*) AS registered,"
         f" CAST(COALESCE(SUM(CASE WHEN {shared('a')} THEN 1 ELSE 0 END), 0) AS BIGINT)"
         " AS shared_with_organizer,"
         " CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM ticket_lists l"
         " WHERE l.ticket_id = t.ticket_id) THEN 1 ELSE 0 END), 0) AS BIGINT) AS checked_in,"
         " CAST(COALESCE(SUM(t.revoked), 0) AS BIGINT) AS tickets_revoked FROM attendees a"
         " LEFT JOIN ticket_state t ON t.attendee_id = a.attendee_id WHERE a.conference_id = ?")


async def document(reader: Reader, event: dict[str, Any]) -> dict[str, Any]:
    conference_id = UUID(event["conference_id"])
    return {"event": {field: event[field] for field in EVENT},
            "check_in_lists": event["check_in_lists"],
            "attendees": await reader.fetchrow(HEADS, str(conference_id)),
            "check_ins": await checkins.counts(reader, conference_id),
            **await figures.figures(reader, conference_id)}


async def json_document(reader: Reader, event: dict[str, Any]) -> AsyncIterator[bytes]:
    yield json.dumps(await document(reader, event), indent=2, ensure_ascii=False).encode()
