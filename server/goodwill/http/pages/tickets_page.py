"""Tickets and sign-in links, for an event's organizers: every attendee by name with their
ticket's state, and per attendee the ticket's QR (its secret code, which only crew see) and
their personal sign-in link, shown to copy or print, or emailed when SMTP is configured.

Names are shown for everyone, as door staff see them: a name is what a badge shows anyone
(see :mod:`goodwill.http.pages.badges_page`); the rest of a profile stays behind the
attendee's consent (DESIGN.md, section 4). A sign-in link is shown only in the answer to a
POST, never at a URL of its own, so no history or bookmark keeps it; these pages are sent
``no-store``, which the service worker honours too.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.datastructures import State
from litestar.exceptions import ClientException, NotFoundException
from litestar.response import Template

from goodwill.domain.errors import DomainError
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.core.defenses import NO_STORE
from goodwill.http.core.errors import domain_status
from goodwill.http.pages.forms.common import command_id, page
from goodwill.http.mail import NO_ADDRESS, NO_SMTP, send_sign_in_link
from goodwill.http.core.markers import Actor, App, Offset, PathId, Reads, Search
from goodwill.http.pages.present.qr import qr_svg
from goodwill.http.core.site import site_url
from goodwill.projections import checkins, directory, roster, ticket_codes
from goodwill.tokens import SIGN_IN_LINK

PAGE_SIZE = 20



@get("/events/{conference_id:uuid}/tickets")
async def tickets(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                  q: Search = "", offset: Offset = 0) -> Template:
    """Twenty at a time by name; htmx gets the results alone as the search is typed."""
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    rows = await roster.door_list(reader, conference_id, q, PAGE_SIZE + 1, offset)
    return page(request, "organizer/tickets.html",
                {"event": event, "q": q, "rows": rows[:PAGE_SIZE], "offset": offset,
                 "more": len(rows) > PAGE_SIZE, "size": PAGE_SIZE}, "organizer/_tickets_rows.html")


async def holder(request: Request, reader: Reads, event: dict[str, Any],
                 person_id: UUID) -> dict[str, Any]:
    """One attendee's ticket: its state at each entrance, and its QR when its code is kept."""
    ticket = await ticket_codes.ticket_of(reader, UUID(event["conference_id"]), person_id)
    if ticket is None:
        raise NotFoundException("This person does not attend this event.")
    state = ticket["ticket_id"] and await checkins.ticket_state(reader, UUID(ticket["ticket_id"]))
    name = ticket["name"] or "Someone forgotten"
    return {"event": event, "ticket": {**ticket, "name": name}, "state": state or None,
            "qr": ticket["code"] and qr_svg(ticket["code"], f"Ticket of {name}"),
            "email": bool(request.app.state.settings.smtp_url and ticket["has_email"]),
            "ids": {"show": uuid4(), "email": uuid4()},
            "link": None, "emailed": False, "refusal": None}


@get("/events/{conference_id:uuid}/tickets/{person_id:uuid}")
async def ticket(request: Request, conference_id: PathId, person_id: PathId, reader: Reads,
                 actor: Actor) -> Response:
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    shown = page(request, "organizer/ticket.html", await holder(request, reader, event, person_id))
    shown.headers.update(NO_STORE)
    return shown


@post("/events/{conference_id:uuid}/tickets/{person_id:uuid}")
async def sign_in_link(request: Request, state: State, goodwill: App, conference_id: PathId,
                       person_id: PathId, reader: Reads, actor: Actor) -> Response:
    """Shows the attendee's link, or emails it to the address they registered with (which
    this page never shows); the same link however often, and one email per command id."""
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    context = await holder(request, reader, event, person_id)
    form = await request.form()
    emailing = form.get("action") == "email"
    if emailing and not context["email"]:
        raise ClientException(detail=NO_ADDRESS if state.settings.smtp_url else NO_SMTP)
    task, status = None, 200
    try:
        outcome = await asyncio.to_thread(goodwill.issue_sign_in_link, actor,
                                          command_id(form), person_id, conference_id, emailing)
    except DomainError as error:
        context["refusal"], status = error.message, domain_status(error)
    else:
        credential_id = UUID(str(outcome.result["credential_id"]))
        if emailing and not outcome.replayed:
            address = await directory.email_of(reader, person_id)
            task = address and BackgroundTask(send_sign_in_link, state, address, credential_id)
        link = f"{site_url(request)}/s#{state.signer.token(SIGN_IN_LINK, credential_id)}"
        context.update(emailed=emailing, link=None if emailing else {
            "url": link, "qr": qr_svg(link, f"Sign-in link of {context['ticket']['name']}")})
    shown = page(request, "organizer/ticket.html", context, status_code=status)
    shown.headers.update(NO_STORE)
    shown.background = task
    return shown


HANDLERS = [tickets, ticket, sign_in_link]
