"""Introducing two of my contacts to each other, and saying why they should meet: a page of
its own, opened from a contact's page with that contact chosen first. It is recorded at the
latest event all three of us attend, since the domain wants the three of us there."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.params import FromQuery
from litestar.response import Template

from goodwill.application import Goodwill, Outcome
from goodwill.http.pages.forms.common import (Invalid, View, attempt, command_id, page,
                                              required, settle)
from goodwill.http.core.markers import Actor, App, Reads
from goodwill.projections import roster, suggestion_lists, timeline_introductions

Chosen = FromQuery[UUID | None]


async def introduced(reader: Reads, actor: UUID, a: UUID | None,
                     made: UUID | None) -> dict[str, Any] | None:
    """The introduction just made, if it is mine: the page confirms it by name."""
    if a is None or made is None:
        return None
    return next((i for i in await timeline_introductions.between(reader, actor, a)
                 if i["introduction_id"] == str(made) and i["introducer"] == str(actor)), None)


async def sections(reader: Reads, actor: UUID, a: UUID | None = None,
                   made: UUID | None = None, b: UUID | None = None,
                   why: str = "") -> dict[str, Any]:
    """My contacts to choose from, ``a`` (and ``b``) chosen first, and the introduction just
    made."""
    return {"contacts": await roster.contacts(reader, actor), "command_id": uuid4(),
            "made": await introduced(reader, actor, a, made), "errors": {},
            "values": {"introduce": {"person_a": str(a or ""), "person_b": str(b or ""),
                                     "why": why}}}


async def suggested_why(reader: Reads, actor: UUID, key: str | None) -> str:
    """The reason a suggestion of mine gives for this introduction, to start the why from."""
    s = key and await suggestion_lists.introduction(reader, actor, key)
    return f"{s['name']} needs “{s['need']}”, and {s['other_name']} offers “{s['offer']}”." \
        if s else ""


def chosen(sent: Any, field: str, contacts: set[str]) -> UUID:
    if str(sent.get(field) or "") not in contacts:
        raise Invalid(field, "Please choose one of your contacts.")
    return UUID(str(sent.get(field)))


async def record(app: Goodwill, reader: Reads, actor: UUID, sent: Any) -> Outcome:
    """Checks the two are my contacts, different and share an event with me, then introduces."""
    mine = {c["person_id"] for c in await roster.contacts(reader, actor)}
    a, b = chosen(sent, "person_a", mine), chosen(sent, "person_b", mine)
    if a == b:
        raise Invalid("person_b", "Please choose someone other than the first person.")
    why = required(sent, "why")
    conference = await roster.latest_event_of_all(reader, actor, a, b)
    if conference is None:
        raise Invalid("person_b", "The three of you share no event to record this at.")
    return await asyncio.to_thread(app.introduce, actor, command_id(sent), UUID(conference),
                                   a, b, why)


@get("/introduce")
async def introduce_page(request: Request, reader: Reads, actor: Actor, a: Chosen = None,
                         made: Chosen = None, b: Chosen = None,
                         suggestion: FromQuery[str | None] = None) -> Template:
    """``a`` (and ``b``) are chosen first, and a suggestion of mine starts the why;
    ``made`` names the introduction just recorded, to confirm it."""
    why = await suggested_why(reader, actor, suggestion)
    return page(request, "attendee/introduce.html",
                await sections(reader, actor, a, made, b, why), "attendee/_introduce.html")


@post("/introduce")
async def introduce(request: Request, goodwill: App, reader: Reads, actor: Actor) -> Response:
    """The page comes back confirming it, with the first person chosen again for another."""
    sent = await request.form()
    tried = await attempt(record(goodwill, reader, actor, sent))
    made = {"a": str(sent["person_a"]),
            "made": str(tried.outcome.result["introduction_id"])} if tried.outcome else {}
    view = View("/introduce", "attendee/introduce.html", "attendee/_introduce.html",
                lambda: sections(reader, actor, **{k: UUID(v) for k, v in made.items()}), made)
    return await settle(request, reader, view, tried, "introduce", sent)


HANDLERS = [introduce_page, introduce]
