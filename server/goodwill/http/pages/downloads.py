"""Files an attendee takes away: contacts for the phone's address book, one or all of them;
promises for its calendar, one or all still open; and their own timeline as CSV or JSON.

Each belongs to the signed-in person alone. Anything else is 404, never 403, so trying ids
tells nobody what exists.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

from litestar import Request, get
from litestar.exceptions import NotFoundException
from litestar.response import Response, Stream

from goodwill.http.pages.present import cards
from goodwill.http.core.markers import Actor, PathId, Reads
from goodwill.http.core.site import site_host
from goodwill.projections import followups, roster, timeline

PAGE = 200
COLUMNS = ("at", "kind", "conference_id", "other_person_id", "other_name", "detail")
VCARD, ICALENDAR = "text/vcard; charset=utf-8", "text/calendar; charset=utf-8"


def attachment(body: str, media_type: str, filename: str) -> Response[str]:
    return Response(body, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})


@get("/contacts/{person_id:uuid}/card.vcf")
async def contact_card(person_id: PathId, reader: Reads, actor: Actor) -> Response[str]:
    """Only what the contact consented to: their profile if they list themselves, their email
    if they share contact details with connections; as at the first event we shared."""
    other = person_id
    rows = await roster.shared_events(reader, actor, other)
    if not rows or not await roster.connected(reader, actor, other):
        raise NotFoundException("You are not connected with this person.")
    return attachment(cards.contact(rows[0]), VCARD, f"{other}.vcf")


@get("/me/data/connections.vcf")
async def connection_cards(reader: Reads, actor: Actor) -> Response[str]:
    """Every connection in one file, each as their own card would be; someone forgotten has
    nothing left to save."""
    first: dict[str, dict[str, Any]] = {}
    for row in await roster.connections(reader, actor):
        first.setdefault(row["person_id"], row)
    found = sorted((row for row in first.values() if row["name"]),
                   key=lambda row: (row["name"].casefold(), row["person_id"]))
    return attachment("".join(map(cards.contact, found)), VCARD, "connections.vcf")


CLOSED_WORDS = {"kept": "kept", "dropped": "released"}


@get("/promises/{promise_id:uuid}/reminder.ics")
async def promise_calendar(request: Request, promise_id: PathId, reader: Reads,
                           actor: Actor) -> Response[str]:
    """For the maker only: it is their reminder, not the promisee's."""
    promise = await followups.promise(reader, promise_id, actor)
    if promise is None:
        raise NotFoundException("You made no such promise.")
    if promise["status"] != "open":
        raise NotFoundException(f"This promise is {CLOSED_WORDS[promise['status']]}: there"
                                " is nothing left to remind you of.")
    event = cards.promise_event(promise, site_host(request))
    return attachment(cards.calendar([event]), ICALENDAR, f"{promise_id}.ics")


@get("/me/data/promises.ics")
async def promises_calendar(request: Request, reader: Reads, actor: Actor) -> Response[str]:
    """Every promise still open, one entry each, with the same UIDs as one at a time."""
    host = site_host(request)
    events = [cards.promise_event(p, host) for p in await followups.still_to_keep(reader, actor)]
    return attachment(cards.calendar(events), ICALENDAR, "promises.ics")


async def my_entries(reader: Reads, person: UUID) -> AsyncIterator[dict[str, Any]]:
    """Page by page through the query, so a long timeline is never held in memory whole."""
    before = None
    while True:
        rows = await timeline.timeline(reader, person, None, before, PAGE)
        for row in rows:
            yield {column: row[column] for column in COLUMNS}
        if len(rows) < PAGE:
            return
        before = rows[-1]["cursor"]


async def csv_lines(entries: AsyncIterator[dict[str, Any]]) -> AsyncIterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS)
    writer.writeheader()
    async for entry in entries:
        writer.writerow({**entry, "detail": json.dumps(entry["detail"])})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


async def json_array(entries: AsyncIterator[dict[str, Any]]) -> AsyncIterator[str]:
    separator = "["
    async for entry in entries:
        yield separator + json.dumps(entry)
        separator = ","
    yield "[]" if separator == "[" else "]"


FORMATS = {"csv": ("text/csv; charset=utf-8", csv_lines),
           "json": ("application/json", json_array)}


@get(["/me/data/timeline.csv", "/me/data/timeline.json"])
async def my_timeline(request: Request, reader: Reads, actor: Actor) -> Stream:
    """The path's ending picks the format; both stream the same entries."""
    kind = request.url.path.rpartition(".")[2]
    media_type, encode = FORMATS[kind]
    return Stream(encode(my_entries(reader, actor)), media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="timeline.{kind}"'})


HANDLERS = [contact_card, connection_cards, promise_calendar, promises_calendar, my_timeline]
