"""What to do next, as a page (and its first three on home): each suggestion with its reason
in one line, the button that acts on it, and one that dismisses it for good."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, get, post
from litestar.response import Redirect, Template

from goodwill.http.core.markers import Actor, App, Reads
from goodwill.http.pages.forms.common import command_id, page
from goodwill.projections import suggestion_lists


async def suggested(reader: Reads, actor: UUID) -> list[dict[str, Any]]:
    """Each with a fresh command id for its button and one for dismissing it."""
    return [{**s, "command_id": uuid4(), "dismissal_id": uuid4()}
            for s in await suggestion_lists.suggestions(reader, actor)]


def back_to(form: Any, default: str) -> str:
    """Where a button sent from home or from the suggestions page returns to."""
    return str(form.get("back")) if form.get("back") in ("/", "/suggestions") else default


@get("/suggestions")
async def suggestions_page(request: Request, reader: Reads, actor: Actor) -> Template:
    return page(request, "attendee/suggestions.html",
                {"suggestions": await suggested(reader, actor)})


@post("/suggestions/dismissals", status_code=303)
async def dismiss(request: Request, goodwill: App, actor: Actor) -> Redirect:
    form = await request.form()
    outcome = await asyncio.to_thread(goodwill.dismiss_suggestion, actor, command_id(form),
                                      str(form.get("suggestion", "")))
    return Redirect(back_to(form, "/suggestions"), query_params={"after": outcome.position},
                    status_code=303)


HANDLERS = [suggestions_page, dismiss]
