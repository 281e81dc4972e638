"""Pages that scroll or search: my timeline, twenty entries at a time, and an event's
directory with each listed person's profile, where I ask someone I met to connect. Each
answers htmx with just the list it swaps, so markup lives in one template."""

from __future__ import annotations

import asyncio
from uuid import UUID, uuid4

from litestar import Request, get, post
from litestar.exceptions import ValidationException
from litestar.params import FromQuery
from litestar.response import Redirect, Template

from goodwill.domain.errors import NotFoundError
from goodwill.http.core.access import require_present
from goodwill.http.event_days import event_dates
from goodwill.http.pages.forms.common import page, row_command
from goodwill.http.core.markers import Actor, App, Cursor, PathId, Reads
from goodwill.http.pages.present.timeline_words import worded
from goodwill.projections import connection_requests, directory, followups, roster, timeline

PAGE_SIZE = 20
DIRECTORY_PAGE = 50
LONGEST_SEARCH = 100
"""Characters of a directory search: longer ones are answered in the page, not refused."""


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
    return page(request, "attendee/timeline.html",
                {"entries": list(map(worded, rows)), "more": more},
                "attendee/_timeline_items.html")


@get("/events/{conference_id:uuid}/directory")
async def directory_page(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                         q: FromQuery[str] = "",
                         following: FromQuery[UUID | None] = None) -> Template:
    """For the people at the event only, like the API's directory: a page of them at a time
    in name order, the next page ``following`` the last one shown (htmx: just its rows).
    (``after`` is every read's: a command's position to wait for.)"""
    await require_present(reader, conference_id, actor)
    event = await directory.conference(reader, conference_id)
    context = {"event": event, "q": q, "me": str(actor), "command_id": uuid4(),
               "asked": await connection_requests.asked_by(reader, actor, conference_id),
               "people": [], "count": 0, "more": None, "too_long": len(q) > LONGEST_SEARCH}
    if not context["too_long"]:
        people = await directory.listed(reader, conference_id, q, DIRECTORY_PAGE + 1,
                                        after=following)
        context.update(people=people[:DIRECTORY_PAGE],
                       more=people[DIRECTORY_PAGE - 1]["person_id"]
                       if len(people) > DIRECTORY_PAGE else None,
                       count=await directory.count_listed(reader, conference_id, q))
    return page(request, "attendee/directory.html", context,
                "attendee/_directory_people.html" if following
                else "attendee/_directory_results.html")


@get("/events/{conference_id:uuid}/people/{person_id:uuid}")
async def person_page(request: Request, conference_id: PathId, person_id: PathId,
                      reader: Reads, actor: Actor) -> Template:
    """A listed person's profile as the directory shows it, for the people at the event,
    with how they keep their word where they chose to show it; anyone not listed there is
    not found, as if absent."""
    await require_present(reader, conference_id, actor)
    listed = await directory.attendee(reader, conference_id, person_id)
    if listed is None or not listed["listed_in_directory"]:
        raise NotFoundError("No one by that link is listed in this event's directory.")
    word = None
    if listed["kept_rate_on_profile"]:
        word = await followups.word_kept(reader, person_id, *await event_dates(reader, person_id))
    return page(request, "attendee/person.html", {
        "event": await directory.conference(reader, conference_id), "p": listed, "word": word,
        "me": str(actor), "command_id": uuid4(),
        "connected": await roster.connected(reader, actor, person_id),
        "asked": await connection_requests.asked_by(reader, actor, conference_id)})


@post("/events/{conference_id:uuid}/directory/ask", status_code=303)
async def ask_to_connect(request: Request, goodwill: App, conference_id: PathId,
                         actor: Actor) -> Redirect:
    """The same command as the API's; back to the directory, where that person now shows
    as asked."""
    form = await request.form()
    try:
        person = UUID(str(form.get("person_id")))
    except ValueError:
        raise NotFoundError("The form names nobody to ask: reload the page.") from None
    outcome = await asyncio.to_thread(goodwill.request_connection, actor,
                                      row_command(form, person), conference_id, person)
    return Redirect(f"/events/{conference_id}/directory",
                    query_params={"after": outcome.position}, status_code=303)


HANDLERS = [timeline_page, directory_page, person_page, ask_to_connect]
