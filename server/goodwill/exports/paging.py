"""How every export reads: page by page through a read model, so memory stays flat however
large the event, and only what attendees consented to show their organizers.

Pages are keyset pages: each query starts after the last row of the one before, by the
columns the rows are ordered by, so a page costs the same at the end of a long export as at
its start (an ``OFFSET`` would re-read every row before it). Pages are read one after
another, not in one snapshot: an export that runs while the event goes on includes what
was recorded meanwhile in the pages it has not yet read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import Any

from goodwill.database import Reader

PAGE = 1000


def shared(alias: str) -> str:
    """SQL: the attendee row ``alias`` shared its profile with the organizers and its person
    is not forgotten (forgetting blanks the name; it leaves the consent columns)."""
    return f"({alias}.shared_with_organizer = 1 AND {alias}.name <> '')"


async def pages(reader: Reader, select: str, params: Sequence[Any], keys: Sequence[str],
                size: int = PAGE) -> AsyncIterator[list[dict[str, Any]]]:
    """The rows of ``select`` (ending in its ``WHERE`` conditions) ordered by ``keys``, at
    most ``size`` at a time. Each key is a column the select returns, by its last name."""
    order, after = ", ".join(keys), None
    while True:
        since = "" if after is None else f" AND ({order}) > ({', '.join('?' * len(keys))})"
        rows = await reader.fetch(f"{select}{since} ORDER BY {order} LIMIT ?",
                                  *params, *(after or ()), size)
        if rows:
            yield rows
        if len(rows) < size:
            return
        after = [rows[-1][key.rpartition(".")[2]] for key in keys]


async def consenting(reader: Reader, conference_id: str,
                     person_ids: set[str]) -> dict[str, dict[str, Any]]:
    """Of these people, those whom the organizers may name at this event, with their name
    and company; one query for a whole page's worth."""
    if not person_ids:
        return {}
    rows = await reader.fetch(
        "SELECT a.person_id, a.name, a.company FROM attendees a WHERE a.conference_id = ?"
        f" AND {shared('a')} AND a.person_id IN ({', '.join('?' * len(person_ids))})",
        conference_id, *person_ids)
    return {row["person_id"]: row for row in rows}
