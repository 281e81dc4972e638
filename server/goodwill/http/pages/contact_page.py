"""A contact's page: what each of us gave the other, introductions between us, my notes
about them and what I promised them, and the forms that record more or answer what waits
for me. Only for people I am connected with: anyone else is a 404, so trying ids tells
nothing."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

from litestar import Request, Response, get, post
from litestar.exceptions import ValidationException
from litestar.response import Template

from goodwill.application import Goodwill, Outcome
from goodwill.domain.errors import NotFoundError
from goodwill.domain.give import KINDS
from goodwill.domain.note import NOTE_KINDS
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.pages.forms.common import attempt, command_id, day, page, required, settle
from goodwill.http.pages.forms.promise import close_promise
from goodwill.http.pages.present.between_us import contact_view, sections, shared_event
from goodwill.projections import timeline, timeline_introductions


def record(app: Goodwill, actor: UUID, other: UUID, conference: UUID, form: Any) -> Outcome:
    """Checks the form's fields, then runs the one command its ``action`` names."""
    action, cid = form.get("action"), command_id(form)
    if action in ("gave", "received"):
        giver, receiver = (actor, other) if action == "gave" else (other, actor)
        return app.give(actor, cid, conference, giver, receiver, required(form, "kind", KINDS),
                        str(form.get("note") or "").strip())
    if action == "note":
        return app.note(actor, cid, conference, other, required(form, "kind", NOTE_KINDS),
                        required(form, "text"))
    if action == "promise":
        return app.promise(actor, cid, conference, other, required(form, "what"),
                           day(form, "due_on"))
    raise ValidationException(detail="The form names no action: reload the page.")


def answer(app: Goodwill, actor: UUID, introduction_id: UUID, form: Any) -> Outcome:
    accept = required(form, "accept", ("yes", "no")) == "yes"
    return app.answer_introduction(actor, command_id(form), introduction_id, accept)


@get("/contacts/{person_id:uuid}")
async def contact_page(request: Request, person_id: PathId, reader: Reads,
                       actor: Actor) -> Template:
    return page(request, "attendee/contact.html", await sections(reader, actor, person_id),
                "attendee/_contact.html")


@post("/contacts/{person_id:uuid}")
async def act(request: Request, goodwill: App, person_id: PathId, reader: Reads,
              actor: Actor) -> Response:
    """Records what the form's ``action`` names at the latest event we share."""
    them = await shared_event(reader, actor, person_id)
    form = await request.form()
    tried = await attempt(asyncio.to_thread(record, goodwill, actor, person_id,
                                            UUID(them["conference_id"]), form))
    return await settle(request, reader, contact_view(reader, actor, person_id), tried,
                        str(form.get("action")), form)


Listed = Callable[[Reads, UUID, UUID], Awaitable[list[dict[str, Any]]]]
Command = Callable[[Goodwill, UUID, UUID, Any], Outcome]


async def act_between_us(request: Request, goodwill: App, reader: Reads, actor: UUID,
                         other: UUID, kind: str, subject: UUID, listed: Listed,
                         command: Command) -> Response:
    """Runs ``command`` on one ``kind`` of thing between us (a promise, an introduction),
    found among those ``listed``: any other id is a 404, so trying ids tells nothing."""
    await shared_event(reader, actor, other)
    if str(subject) not in {row[f"{kind}_id"] for row in await listed(reader, actor, other)}:
        raise NotFoundError(f"No such {kind} between you.")
    form = await request.form()
    tried = await attempt(asyncio.to_thread(command, goodwill, actor, subject, form))
    return await settle(request, reader, contact_view(reader, actor, other), tried,
                        f"{kind}-{subject}", form)


@post("/contacts/{person_id:uuid}/promises/{promise_id:uuid}")
async def close(request: Request, goodwill: App, person_id: PathId, promise_id: PathId,
                reader: Reads, actor: Actor) -> Response:
    """Kept or released, by the one who made it, of the promises between us."""
    return await act_between_us(request, goodwill, reader, actor, person_id, "promise",
                                promise_id, timeline.promises_between, close_promise)


@post("/contacts/{person_id:uuid}/introductions/{introduction_id:uuid}")
async def answer_introduction(request: Request, goodwill: App, person_id: PathId,
                              introduction_id: PathId, reader: Reads, actor: Actor) -> Response:
    """Accepts or declines an introduction between us, or of me by them."""
    return await act_between_us(request, goodwill, reader, actor, person_id, "introduction",
                                introduction_id, timeline_introductions.between, answer)


HANDLERS = [contact_page, act, close, answer_introduction]
