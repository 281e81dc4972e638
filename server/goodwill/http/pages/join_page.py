"""The join page an event's QR opens (``/j/<join code>``): a newcomer says who they are and
what they share, and is registered and signed in at once, landing on their home page.

No session is needed, so the form is guarded as the sign-in form is: only this site may
post it, and wrong codes from one address are limited.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any
from uuid import uuid4

from litestar import Request, Response, get, post
from litestar.datastructures import State
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from litestar.response import Redirect, Template

from goodwill.domain.attendee import Consent, Profile
from goodwill.domain.errors import DomainError
from goodwill.http.pages.forms import event as read
from goodwill.http.joining import newcomer
from goodwill.http.pages.forms.consent import CHOICES, consent_of
from goodwill.http.core.defenses import same_origin
from goodwill.http.core.errors import domain_status
from goodwill.http.pages.forms.common import Invalid, command_id, page
from goodwill.http.core.limits import check_limit, client_of, count_attempt
from goodwill.projections import directory

JoinCode = Annotated[str, Parameter(max_length=64)]


async def opened_by(request: Request, state: State, code: str) -> dict[str, Any]:
    """The event the code opens now; a wrong code is a 404 and counts against the address."""
    await check_limit(request, "join", client_of(request))
    event_id = await asyncio.to_thread(state.system.app.event_to_join,
                                       state.signer.join_digest(code))
    event = event_id and await directory.conference(state.system.reader, event_id)
    if not event:
        await count_attempt(request, "join", client_of(request))
        raise NotFoundException("This join code is not valid, or registration has closed.")
    return event


def context(event: dict[str, Any], code: str, errors: dict[str, str] | None = None,
            values: Any = None) -> dict[str, Any]:
    return {"event": event, "code": code, "choices": CHOICES, "command_id": uuid4(),
            "errors": errors or {}, "values": values or {}}


def newcomer_of(form: Any) -> tuple[str, Profile, Consent]:
    """Their email, profile and consent; every choice off unless ticked."""
    profile = Profile(name=read.text(form, "name"),
                      company=read.optional(form, "company"),
                      role=read.optional(form, "role"))
    return read.email(form), profile, consent_of(form)


@get("/j/{code:str}")
async def join_page(request: Request, state: State, code: JoinCode) -> Template:
    return page(request, "account/join.html", context(await opened_by(request, state, code), code))


@post("/j/{code:str}", guards=[same_origin])
async def join(request: Request, state: State, code: JoinCode) -> Response:
    event = await opened_by(request, state, code)
    form = await request.form()
    try:
        email, profile, consent = newcomer_of(form)
        _, cookies = await newcomer(request, state, command_id(form), code, email, profile,
                                    consent)
    except Invalid as error:
        errors, status = {error.field: error.message}, 400
    except DomainError as error:
        errors, status = {"form": error.message}, domain_status(error)
    else:
        return Redirect("/", status_code=303, cookies=cookies)
    return page(request, "account/join.html", context(event, code, errors, dict(form)),
                status_code=status)


HANDLERS = [join_page, join]
