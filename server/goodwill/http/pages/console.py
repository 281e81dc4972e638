"""The organizers' start page: the events I organize, each opening its console, and a form
to set up a new one, which lands on the new event's console."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.response import Redirect, Template

from goodwill.application import Goodwill, Outcome
from goodwill.http.pages.forms import event as read
from goodwill.http.core.access import require_organizer_role
from goodwill.http.pages.forms.common import attempt, command_id, page
from goodwill.http.core.markers import Actor, App, Reads
from goodwill.projections import directory


async def mine(reader: Reads, actor: UUID, errors: dict[str, str] | None = None,
               values: Any = None) -> dict[str, Any]:
    events = [e for e in await directory.conferences(reader) if str(actor) in e["organizers"]]
    return {"events": events, "command_id": uuid4(), "errors": errors or {},
            "values": values or {"entrance": "Main entrance"}, "zones": read.ZONE_NAMES}


def create(app: Goodwill, actor: UUID, form: Any) -> Outcome:
    """The event and, if named, its first entrance, in one command."""
    return app.create_conference(actor, command_id(form), **read.event_details(form),
                                 check_in_lists=read.check_in_list(form, "entrance",
                                                                   needed=False))


@get("/console")
async def console_home(request: Request, reader: Reads, actor: Actor) -> Template:
    await require_organizer_role(reader, actor)
    return page(request, "organizer/console.html", await mine(reader, actor))


@post("/console")
async def create_event(request: Request, goodwill: App, reader: Reads,
                       actor: Actor) -> Response:
    await require_organizer_role(reader, actor)
    form = await request.form()
    tried = await attempt(asyncio.to_thread(create, goodwill, actor, form))
    if tried.outcome:
        return Redirect(f"/events/{tried.outcome.result['conference_id']}/console",
                        query_params={"after": tried.outcome.position}, status_code=303)
    return page(request, "organizer/console.html",
                await mine(reader, actor, tried.errors, dict(form)), status_code=tried.status)


HANDLERS = [console_home, create_event]
