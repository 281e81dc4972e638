"""A scanned badge opens ``/c/<code>``: who this is, and a button to connect.

The form carries a command id drawn when the page was rendered, so a double tap (or a
resent form) is one command, and the answer of the second is the first's.
"""

from __future__ import annotations

import asyncio
from typing import Annotated
from uuid import UUID, uuid4

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from litestar.response import Redirect, Template

from goodwill.http.forms import command_id
from goodwill.http.identity import form_token
from goodwill.http.markers import Actor, Reads
from goodwill.http.schemas.common import CODE_LENGTH, CODE_PATTERN
from goodwill.projections import directory, followups

BadgeCode = Annotated[str, Parameter(max_length=CODE_LENGTH, pattern=CODE_PATTERN)]


@get("/c/{code:str}")
async def connect_page(request: Request, state: State, code: BadgeCode, actor: Actor,
                       reader: Reads) -> Template:
    """Only for the signed in: a stranger holding a badge's photo learns nothing from it."""
    attendee = await directory.wearer(reader, code)
    if attendee is None:
        raise NotFoundException("No badge has this code.")
    return Template("connect.html", context={
        "attendee": attendee, "code": code, "command_id": uuid4(),
        "connected": await followups.met(reader, actor, UUID(attendee["person_id"])),
        "csrf_token": form_token(request, state.signer)})


@post("/c/{code:str}", status_code=303)
async def connect(request: Request, state: State, code: BadgeCode, actor: Actor) -> Redirect:
    """Back to the same page once the read models include the connection (``after``)."""
    outcome = await asyncio.to_thread(state.system.app.connect_by_badge, actor,
                                      command_id(await request.form()), code)
    return Redirect(f"/c/{code}", query_params={"after": outcome.position}, status_code=303)
