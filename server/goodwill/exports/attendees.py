"""Attendees with their check-in status: a row per attendee, so the organizers' counts are
right, and per check-in list when the ticket last entered there and whether it is inside.

Consent: the profile columns (person id, name, email, company, role, offers, needs) are
filled only for attendees who share their profile with the organizers (the ticket type, what
was bought, is no part of a profile and is always shown), and never for a
forgotten person. Everyone else is an anonymous row after the named ones: ``shared`` is
false, no id or name, only their ticket's state — as the organizers' attendee list shows
them. Named rows come by name; anonymous ones by an internal id that tells nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from goodwill.database import Reader
from goodwill.exports.paging import pages, shared
from goodwill.exports.tabular import Table

PROFILE = ("person_id", "name", "email", "company", "role", "offers", "needs")
SELECT = ("SELECT a.attendee_id, a.person_id, a.name, p.email, a.company, a.role, a.offers,"
          " a.needs, t.ticket_id, COALESCE(t.revoked, 0) AS revoked,"
          " COALESCE(tt.ticket_type, '') AS ticket_type FROM attendees a"
          " JOIN people p ON p.person_id = a.person_id"
          " LEFT JOIN ticket_state t ON t.attendee_id = a.attendee_id"
          " LEFT JOIN ticket_types tt ON tt.ticket_id = t.ticket_id WHERE a.conference_id = ?")


def table(reader: Reader, event: dict[str, Any]) -> Table:
    lists = tuple(event["check_in_lists"])
    columns = ("shared", *PROFILE, "ticket_type", "ticket_revoked", "checked_in",
               *(f"{key}_{what}" for key in lists for what in ("checked_in_at", "inside")))
    return Table(columns, rows(reader, event["conference_id"], lists))


async def rows(reader: Reader, conference_id: str,
               lists: tuple[str, ...]) -> AsyncIterator[list[tuple[Any, ...]]]:
    named = pages(reader, f"{SELECT} AND {shared('a')}", [conference_id],
                  ("a.name", "a.attendee_id"))
    anonymous = pages(reader, f"{SELECT} AND NOT {shared('a')}", [conference_id],
                      ("a.attendee_id",))
    for source, shown in ((named, True), (anonymous, False)):
        async for page in source:
            passes = await passes_of(reader, [r["ticket_id"] for r in page if r["ticket_id"]])
            yield [row(r, shown, passes.get(r["ticket_id"], {}), lists) for r in page]


def row(found: dict[str, Any], shown: bool, passes: dict[str, dict[str, Any]],
        lists: tuple[str, ...]) -> tuple[Any, ...]:
    profile = (found[column] for column in PROFILE) if shown else (None,) * len(PROFILE)
    status = ((passes[key]["checked_in_at"], bool(passes[key]["inside"])) if key in passes
              else (None, False) for key in lists)
    return (shown, *profile, found["ticket_type"], bool(found["revoked"]), bool(passes),
            *(value for pair in status for value in pair))


async def passes_of(reader: Reader, ticket_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Per ticket of a page, per list: its last check-in there and whether it is inside."""
    if not ticket_ids:
        return {}
    rows = await reader.fetch("SELECT ticket_id, list_key, inside, checked_in_at FROM ticket_lists"
                              f" WHERE ticket_id IN ({', '.join('?' * len(ticket_ids))})",
                              *ticket_ids)
    passes: dict[str, dict[str, Any]] = {}
    for found in rows:
        passes.setdefault(found["ticket_id"], {})[found["list_key"]] = found
    return passes
