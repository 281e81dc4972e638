"""A contact's page: what each of us gave the other, my notes about them and what I promised
them, and the forms that record more. Only for people I am connected with: anyone else is a
404, so trying ids tells nothing."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.exceptions import ValidationException
from litestar.response import Redirect, Template

from goodwill.application import Goodwill, Outcome
from goodwill.database import Reader
from goodwill.domain.errors import DomainError, NotFoundError
from goodwill.domain.give import KINDS
from goodwill.domain.note import NOTE_KINDS
from goodwill.http.errors import domain_status
from goodwill.http.forms import Invalid, command_id, page, wants_fragment
from goodwill.http.freshness import caught_up
from goodwill.http.markers import Actor, PathId, Reads
from goodwill.projections import ledger, roster, timeline

ACTIONS = ("gave", "received", "note", "promise")


async def shared_event(reader: Reader, actor: UUID, other: UUID) -> dict[str, Any]:
    """The latest event we both attend, where what the forms record happens."""
    rows = await roster.shared_events(reader, actor, other)
    if not rows or not await roster.connected(reader, actor, other):
        raise NotFoundError("You are not connected with this person.")
    return rows[-1]


async def sections(reader: Reader, actor: UUID, other: UUID) -> dict[str, Any]:
    """Everything the page shows, with a fresh command id for each form."""
    return {"person_id": other, "them": await shared_event(reader, actor, other),
            "ledger": await ledger.pair_ledger(reader, actor, other),
            "notes": await timeline.about(reader, actor, other, ("noted",)),
            "promises": await timeline.about(reader, actor, other, ("promised",)),
            "ids": {action: uuid4() for action in ACTIONS},
            "give_kinds": KINDS, "note_kinds": NOTE_KINDS, "errors": {}, "values": {}}


def required(form: Any, field: str, choices: tuple[str, ...] = ()) -> str:
    value = str(form.get(field) or "").strip()
    if not value:
        raise Invalid(field, "Please fill this in.")
    if choices and value not in choices:
        raise Invalid(field, "Please choose one of the options.")
    return value


def due_date(form: Any) -> date:
    try:
        return date.fromisoformat(required(form, "due_on"))
    except ValueError:
        raise Invalid("due_on", "Please give a date like 2026-12-01.") from None


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
        return app.promise(actor, cid, conference, other, required(form, "what"), due_date(form))
    raise ValidationException(detail="The form names no action: reload the page.")


@get("/contacts/{person_id:uuid}")
async def contact_page(request: Request, person_id: PathId, reader: Reads,
                       actor: Actor) -> Template:
    return page(request, "contact.html", await sections(reader, actor, person_id),
                "_contact.html")


@post("/contacts/{person_id:uuid}")
async def act(request: Request, state: State, person_id: PathId, reader: Reads,
              actor: Actor) -> Response:
    """Without JS, back to the page once it shows the change; with htmx, the updated section.
    A refused or invalid form comes back with its values and the error next to its field."""
    them = await shared_event(reader, actor, person_id)
    form = await request.form()
    try:
        outcome = await asyncio.to_thread(record, state.system.app, actor, person_id,
                                          UUID(them["conference_id"]), form)
    except Invalid as error:
        errors, status = {error.field: error.message}, 400
    except DomainError as error:
        errors, status = {"form": error.message}, domain_status(error)
    else:
        if not wants_fragment(request):
            return Redirect(f"/contacts/{person_id}", query_params={"after": outcome.position},
                            status_code=303)
        await caught_up(reader, outcome.position)
        errors, status = {}, 200
    context, action = await sections(reader, actor, person_id), str(form.get("action"))
    if errors:
        context["errors"], context["values"] = {action: errors}, {action: dict(form)}
    return page(request, "contact.html", context, "_contact.html", status)


HANDLERS = [contact_page, act]
