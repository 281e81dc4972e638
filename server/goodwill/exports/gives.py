"""What each attendee gave and received at the event, per kind of give, and how much of it
was thanked (confirmed by its receiver). Retracted gives do not count; disputed ones count
as given but not as thanked.

Consent: a row only for attendees who share their profile with the organizers and are not
forgotten. Their totals include gives with anyone, since a count names nobody; who gave
what to whom stays in the attendees' own ledgers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from goodwill.database import Reader, marks
from goodwill.domain.give import KINDS
from goodwill.exports.paging import pages, shared
from goodwill.exports.tabular import Table

DIRECTIONS = ("gave", "received")
COLUMNS = ("person_id", "name", "company",
           *(f"{direction}_{kind}" for direction in DIRECTIONS for kind in KINDS),
           *(f"{direction}_{total}" for direction in DIRECTIONS for total in ("total", "thanked")))
PEOPLE = ("SELECT a.attendee_id, a.person_id, a.name, a.company FROM attendees a"
          f" WHERE a.conference_id = ? AND {shared('a')}")


def table(reader: Reader, event: dict[str, Any]) -> Table:
    return Table(COLUMNS, rows(reader, event["conference_id"]))


async def rows(reader: Reader, conference_id: str) -> AsyncIterator[list[tuple[Any, ...]]]:
    async for page in pages(reader, PEOPLE, [conference_id], ("a.name", "a.attendee_id")):
        counts = await tallies(reader, conference_id, [person["person_id"] for person in page])
        yield [(person["person_id"], person["name"], person["company"],
                *(counts.get((person["person_id"], column), 0) for column in COLUMNS[3:]))
               for person in page]


async def tallies(reader: Reader, conference_id: str,
                  person_ids: list[str]) -> dict[tuple[str, str], int]:
    """(person, column) → count, for a page of people, in one query."""
    among = marks(person_ids)
    found = await reader.fetch(
        "SELECT giver AS person_id, 'gave' AS direction, kind, status, COUNT(*) AS gives"
        f" FROM ledger_gives WHERE conference_id = ? AND retracted = 0 AND giver IN ({among})"
        " GROUP BY giver, kind, status UNION ALL"
        " SELECT receiver, 'received', kind, status, COUNT(*) FROM ledger_gives"
        f" WHERE conference_id = ? AND retracted = 0 AND receiver IN ({among})"
        " GROUP BY receiver, kind, status",
        conference_id, *person_ids, conference_id, *person_ids)
    counts: dict[tuple[str, str], int] = {}
    for row in found:
        columns = [row["kind"], "total"] + (["thanked"] if row["status"] == "thanked" else [])
        for column in columns:
            tally = (row["person_id"], f"{row['direction']}_{column}")
            counts[tally] = counts.get(tally, 0) + row["gives"]
    return counts
