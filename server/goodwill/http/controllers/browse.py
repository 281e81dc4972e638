"""Pages that scroll or search: my timeline, twenty entries at a time, and an event's
directory. Each answers htmx with just the list it swaps, so markup lives in one template."""

from __future__ import annotations

from typing import Annotated

from litestar import Request, get
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter
from litestar.response import Template

from goodwill.http.access import require_present
from goodwill.http.forms import page
from goodwill.http.markers import Actor, PathId, Reads
from goodwill.projections import directory, timeline

PAGE_SIZE = 20
Cursor = Annotated[str | None, QueryParameter(max_length=200)]
Search = Annotated[str, QueryParameter(max_length=100)]


@get("/timeline")
async def timeline_page(request: Request, reader: Reads, actor: Actor,
                        before: Cursor = None) -> Template:
    """The last entry of a full page carries the link to the next one, revealed by scrolling."""
    try:
        rows = await timeline.timeline(reader, actor, None, before, PAGE_SIZE)
    except ValueError:
        raise ValidationException(extra=[{
            "key": "before", "message": "is not a cursor from this timeline"}]) from None
    more = rows[-1]["cursor"] if len(rows) == PAGE_SIZE else None
    return page(request, "timeline.html", {"entries": rows, "more": more},
                "_timeline_items.html")


@get("/events/{conference_id:uuid}/directory")
async def directory_page(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                         q: Search = "") -> Template:
    """For the people at the event only, like the API's directory."""
    await require_present(reader, conference_id, actor)
    event = await directory.conference(reader, conference_id)
    return page(request, "directory.html",
                {"event": event, "q": q,
                 "people": await directory.listed(reader, conference_id, q)},
                "_directory_results.html")


HANDLERS = [timeline_page, directory_page]
