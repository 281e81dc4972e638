"""What to do next, as a page (and its first three on home): each suggestion with its reason
in one line, the button that acts on it, and one that dismisses it for good."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from uuid import UUID, uuid4

from litestar import Request, get, post
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from goodwill.http.core.markers import Actor, App, Reads
from goodwill.http.pages.forms.common import command_id, page
from goodwill.projections import suggestion_lists

SHOWN = 30
"""Suggestions a page shows at first, and how many more each "Show more" adds: a phone
shows a few at a time, and the best come first."""


async def suggested(reader: Reads, actor: UUID, shown: int) -> tuple[list[dict[str, Any]], int]:
    """The first ``shown``, each with a fresh command id for its button and one for
    dismissing it; and how many there are."""
    found = await suggestion_lists.suggestions(reader, actor)
    return [{**s, "command_id": uuid4(), "dismissal_id": uuid4()} for s in found[:shown]], \
        len(found)


def back_to(form: Any, default: str) -> str:
    """Where a button sent from home or from the suggestions page returns to."""
    return str(form.get("back")) if form.get("back") in ("/", "/suggestions") else default


@get("/suggestions")
async def suggestions_page(request: Request, reader: Reads, actor: Actor,
                           shown: Annotated[int, QueryParameter(ge=1, le=1000)] = SHOWN
                           ) -> Template:
    first, count = await suggested(reader, actor, shown)
    return page(request, "attendee/suggestions.html",
                {"suggestions": first, "more": shown + SHOWN if count > shown else None})


@post("/suggestions/dismissals", status_code=303)
async def dismiss(request: Request, goodwill: App, actor: Actor) -> Redirect:
    form = await request.form()
    outcome = await asyncio.to_thread(goodwill.dismiss_suggestion, actor, command_id(form),
                                      str(form.get("suggestion", "")))
    return Redirect(back_to(form, "/suggestions"), query_params={"after": outcome.position},
                    status_code=303)


HANDLERS = [suggestions_page, dismiss]
