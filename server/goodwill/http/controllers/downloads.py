"""Files an attendee takes away: a contact for the phone's address book, a promise for its
calendar, and their own timeline as CSV or JSON.

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

from goodwill.database import Reader
from goodwill.http import cards
from goodwill.http.markers import Actor, PathId, Reads
from goodwill.projections import followups, roster, timeline

PAGE = 200
COLUMNS = ("at", "kind", "conference_id", "other_person_id", "other_name", "detail")


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
    first = rows[0]
    card = cards.vcard(first["name"], first if first["listed_in_directory"] else None,
                       first["email"] if first["contact_shared_with_connections"] else None)
    return attachment(card, "text/vcard; charset=utf-8", f"{other}.vcf")


@get("/promises/{promise_id:uuid}/reminder.ics")
async def promise_calendar(request: Request, promise_id: PathId, reader: Reads,
                           actor: Actor) -> Response[str]:
    """For the maker only: it is their reminder, not the promisee's."""
    promise = await followups.promise(reader, promise_id, actor)
    if promise is None:
        raise NotFoundException("You made no such promise.")
    event = cards.promise_event(promise, request.url.hostname or "goodwill")
    return attachment(event, "text/calendar; charset=utf-8", f"{promise_id}.ics")


async def my_entries(reader: Reader, person: UUID) -> AsyncIterator[dict[str, Any]]:
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


HANDLERS = [contact_card, promise_calendar, my_timeline]
