"""My follow-ups as a page: what I owe, whom to thank, whom I have not helped back, and
introductions and connection requests waiting for my answer, each with the button that
settles it."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.response import Redirect, Template

from goodwill.http.event_days import event_dates
from goodwill.http.pages.forms.common import attempt, command_id, page
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.pages.forms.promise import close_promise
from goodwill.http.pages.suggestions_page import back_to
from goodwill.projections import connection_requests, directory, followups


def named(rows: list[dict[str, Any]], names: dict[str, str]) -> list[dict[str, Any]]:
    """Each row with the other person's name (and an introduction's introducer's) and a
    fresh command id for its button."""
    return [{**r, "name": names.get(r["other_id"], "Someone"), "command_id": uuid4(),
             "introducer": names.get(r.get("introducer_id"), "Someone")} for r in rows]


async def sections(reader: Reads, actor: UUID) -> dict[str, Any]:
    """Dated by each event's own day, where its promises fall due: a page has no client
    date to go by before it loads, and the server's UTC day is nobody's."""
    today, dates = await event_dates(reader, actor)
    lists = await followups.follow_ups(reader, actor, today, dates=dates)
    names = await directory.names(reader, {r[who] for rows in lists.values() for r in rows
                                           for who in ("other_id", "introducer_id") if who in r})
    requests = [{**r, "command_id": uuid4()}
                for r in await connection_requests.waiting_for(reader, actor)]
    return {"lists": {name: named(rows, names) for name, rows in lists.items()},
            "requests": requests, "errors": {}}


@get("/follow-ups")
async def follow_ups_page(request: Request, reader: Reads, actor: Actor) -> Template:
    return page(request, "attendee/follow_ups.html", await sections(reader, actor))


@post("/follow-ups/promises/{promise_id:uuid}")
async def close(request: Request, goodwill: App, promise_id: PathId, reader: Reads,
                actor: Actor) -> Response:
    """Kept or released: gone from the lists, and back to home when home sent it there;
    refused, the list says why beside it."""
    if await followups.promise(reader, promise_id, actor) is None:
        raise NotFoundException("You made no such promise.")
    form = await request.form()
    tried = await attempt(asyncio.to_thread(close_promise, goodwill, actor, promise_id,
                                            form))
    if tried.outcome:
        back = "/" if form.get("back") == "/" else "/follow-ups"
        return Redirect(back, query_params={"after": tried.outcome.position}, status_code=303)
    context = await sections(reader, actor)
    listed = {p["promise_id"] for name in ("overdue_promises", "due_promises")
              for p in context["lists"][name]}
    if str(promise_id) in listed:
        context["errors"] = {f"promise-{promise_id}": tried.errors}
    else:  # closed meanwhile (on another phone), or not due soon: said above the lists
        context["refused"] = " ".join(tried.errors.values())
    return page(request, "attendee/follow_ups.html", context, status_code=tried.status)


@post("/follow-ups/thanks/{give_id:uuid}", status_code=303)
async def thank(request: Request, goodwill: App, give_id: PathId, actor: Actor) -> Redirect:
    """Back to the follow-ups, or to the suggestion's page it was sent from."""
    form = await request.form()
    outcome = await asyncio.to_thread(goodwill.thank, actor, command_id(form), give_id)
    return Redirect(back_to(form, "/follow-ups"), query_params={"after": outcome.position},
                    status_code=303)


@post("/follow-ups/introductions/{introduction_id:uuid}", status_code=303)
async def answer(request: Request, goodwill: App, introduction_id: PathId,
                 actor: Actor) -> Redirect:
    form = await request.form()
    outcome = await asyncio.to_thread(goodwill.answer_introduction, actor,
                                      command_id(form), introduction_id,
                                      form.get("accept") == "yes")
    return Redirect("/follow-ups", query_params={"after": outcome.position}, status_code=303)


@post("/follow-ups/requests/{request_id:uuid}", status_code=303)
async def answer_request(request: Request, goodwill: App, request_id: PathId,
                         actor: Actor) -> Redirect:
    """Accept, decline, or decline and block: the sender is told none of it but a yes."""
    form = await request.form()
    choice = form.get("answer")
    outcome = await asyncio.to_thread(goodwill.answer_connection_request, actor,
                                      command_id(form), request_id, choice == "accept",
                                      choice == "block")
    return Redirect("/follow-ups", query_params={"after": outcome.position}, status_code=303)


HANDLERS = [follow_ups_page, close, thank, answer, answer_request]
