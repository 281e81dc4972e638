"""The door's whole scan log: every check-in and check-out, oldest first, with the time the
device scanned it (a device offline at the time sends it later) and the time the server
received it.

Consent: every scan is listed, so the door's counts are right, with its ticket id, which
names nobody; the person's id and name only when the ticket's attendee shares their profile
with the organizers and is not forgotten.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from goodwill.database import Reader
from goodwill.exports.paging import pages, shared
from goodwill.exports.tabular import Table

COLUMNS = ("scanned_at", "received_at", "direction", "list_key", "list_name", "device",
           "ticket_id", "person_id", "name")
SELECT = ("SELECT s.scanned_at, s.received_at, s.direction, s.list_key, s.device, s.ticket_id,"
          f" s.version, CASE WHEN {shared('a')} THEN a.person_id END AS person_id,"
          f" CASE WHEN {shared('a')} THEN a.name END AS name FROM scan_log s"
          " LEFT JOIN ticket_state t ON t.ticket_id = s.ticket_id"
          " LEFT JOIN attendees a ON a.attendee_id = t.attendee_id WHERE s.conference_id = ?")
ORDER = ("s.scanned_at", "s.ticket_id", "s.version")


def table(reader: Reader, event: dict[str, Any]) -> Table:
    return Table(COLUMNS, rows(reader, event["conference_id"], event["check_in_lists"]))


async def rows(reader: Reader, conference_id: str,
               lists: dict[str, str]) -> AsyncIterator[list[tuple[Any, ...]]]:
    async for page in pages(reader, SELECT, [conference_id], ORDER):
        yield [tuple(lists.get(r["list_key"]) if c == "list_name" else r[c] for c in COLUMNS)
               for r in page]
