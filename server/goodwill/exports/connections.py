"""Who met whom at the event, as an edge list (CSV) and as a graph (GraphML, for Gephi):
one edge per pair of people who connected here, or met here again after connecting at an
earlier event, with how (badge, request, introduction) and when: only confirmed ones.

Consent: an edge appears only when both people share their profile with the organizers
(and neither is forgotten); a node only for such a person. Connections with anyone else are
left out entirely: even an edge to an anonymous node would tell who met whom. The event's
figures still count every connection.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from goodwill.database import Reader
from goodwill.exports.paging import pages, shared
from goodwill.exports.tabular import Table

COLUMNS = ("connection_id", "person_a", "name_a", "company_a", "person_b", "name_b",
           "company_b", "method", "met_at")
EDGES = ("SELECT t.entry_id, t.subject_id AS connection_id, t.at AS met_at, t.detail,"
         " a.person_id AS person_a, a.name AS name_a, a.company AS company_a,"
         " b.person_id AS person_b, b.name AS name_b, b.company AS company_b"
         " FROM timeline_entries t"
         " JOIN attendees a ON a.conference_id = t.conference_id AND a.person_id = t.person_id"
         " JOIN attendees b ON b.conference_id = t.conference_id"
         " AND b.person_id = t.other_person_id"
         " WHERE t.conference_id = ? AND t.kind IN ('connected', 'met_again')"
         f" AND t.person_id < t.other_person_id AND {shared('a')} AND {shared('b')}")
"""The timeline holds each meeting twice, once for each person: the pair's first id picks one."""
PEOPLE = ("SELECT a.attendee_id, a.person_id, a.name, a.company, a.role FROM attendees a"
          f" WHERE a.conference_id = ? AND {shared('a')}")


async def edges(reader: Reader, conference_id: str) -> AsyncIterator[list[dict[str, Any]]]:
    async for page in pages(reader, EDGES, [conference_id], ("t.entry_id",)):
        yield [{**edge, "method": json.loads(edge["detail"])["method"]} for edge in page]


def people(reader: Reader, conference_id: str) -> AsyncIterator[list[dict[str, Any]]]:
    """Everyone who may be a node, met anyone or not, so the graph shows who stayed alone."""
    return pages(reader, PEOPLE, [conference_id], ("a.attendee_id",))


def table(reader: Reader, event: dict[str, Any]) -> Table:
    return Table(COLUMNS, rows(reader, event["conference_id"]))


async def rows(reader: Reader, conference_id: str) -> AsyncIterator[list[tuple[Any, ...]]]:
    async for page in edges(reader, conference_id):
        yield [tuple(edge[column] for column in COLUMNS) for edge in page]
