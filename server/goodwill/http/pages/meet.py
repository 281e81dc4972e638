"""A scanned badge opens ``/c/<code>``: who this is, and a button to connect, with room for
a quick note about what they need while it is fresh.

The form carries a command id drawn when the page was rendered, so a double tap (or a
resent form) is one command, and the answer of the second is the first's. The note has an
id of its own in the same form, so connecting and noting are each recorded once.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from litestar.response import Redirect, Template

from goodwill.application import Goodwill, Outcome
from goodwill.domain.note import NOTE_KINDS
from goodwill.http.pages.forms.common import Invalid, required
from goodwill.http.pages.forms.common import command_id, page
from goodwill.http.core.markers import Actor, App, Reads
from goodwill.http.schemas.common import CODE_LENGTH, CODE_PATTERN
from goodwill.projections import directory, roster

BadgeCode = Annotated[str, Parameter(max_length=CODE_LENGTH, pattern=CODE_PATTERN)]


async def wearer(reader: Reads, code: str) -> dict[str, Any]:
    attendee = await directory.wearer(reader, code)
    if attendee is None:
        raise NotFoundException("No badge has this code.")
    return attendee


async def connect_context(reader: Reads, actor: UUID, code: str,
                          attendee: dict[str, Any]) -> dict[str, Any]:
    """The page's fields, with fresh command ids for connecting and for the note."""
    return {"attendee": attendee, "code": code, "command_id": uuid4(),
            "note_command_id": uuid4(), "note_kinds": NOTE_KINDS, "errors": {}, "values": {},
            "connected": await roster.connected(reader, actor, UUID(attendee["person_id"]))}


def quick_note(form: Any) -> tuple[str, str] | None:
    """The note's kind and text, or None when the note was left empty."""
    if not str(form.get("note_text") or "").strip():
        return None
    return required(form, "note_kind", NOTE_KINDS), required(form, "note_text")


def connect_and_note(app: Goodwill, actor: UUID, code: str, attendee: dict[str, Any],
                     form: Any, note: tuple[str, str] | None) -> Outcome:
    """Connects, then records the note about the badge's wearer at the badge's event."""
    outcome = app.connect_by_badge(actor, command_id(form), code)
    if note is None:
        return outcome
    kind, text = note
    return app.note(actor, command_id(form, "note_command_id"),
                    UUID(attendee["conference_id"]), UUID(attendee["person_id"]), kind, text)


@get("/c/{code:str}")
async def connect_page(request: Request, code: BadgeCode, actor: Actor,
                       reader: Reads) -> Template:
    """Only for the signed in: a stranger holding a badge's photo learns nothing from it."""
    attendee = await wearer(reader, code)
    return page(request, "attendee/connect.html",
                await connect_context(reader, actor, code, attendee))


@post("/c/{code:str}", status_code=303)
async def connect(request: Request, goodwill: App, code: BadgeCode, actor: Actor,
                  reader: Reads) -> Response:
    """Back to the same page once the read models include the connection and the note
    (``after``). A note with a bad field connects nobody: the form comes back to be fixed."""
    attendee, form = await wearer(reader, code), await request.form()
    try:
        note = quick_note(form)
    except Invalid as error:
        context = await connect_context(reader, actor, code, attendee)
        context["errors"], context["values"] = {error.field: error.message}, dict(form)
        return page(request, "attendee/connect.html", context, status_code=400)
    outcome = await asyncio.to_thread(connect_and_note, goodwill, actor, code,
                                      attendee, form, note)
    return Redirect(f"/c/{code}", query_params={"after": outcome.position}, status_code=303)
