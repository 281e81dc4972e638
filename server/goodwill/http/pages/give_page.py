"""One give between me and a contact, on a page of its own: what it was, where it stands,
and the answers rarer than a thank-you (a dispute, a retraction, a referral's outcome),
which would crowd the contact's page. The domain decides who may answer what; the pages
offer each form only to that person. Thanks are one tap on the contact's page, posted here
and answered with that page."""

from __future__ import annotations

import asyncio
import re
from decimal import Decimal
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.exceptions import ValidationException
from litestar.response import Template

from goodwill.application import Goodwill, Outcome
from goodwill.domain.errors import NotFoundError
from goodwill.domain.give import NEXT_OUTCOMES, OUTCOMES
from goodwill.http.pages.present.between_us import answerable, contact_view, shared_event
from goodwill.http.pages.forms.common import (Invalid, View, attempt, command_id, page,
                                              required, settle)
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.common import REASON_LONGEST
from goodwill.http.schemas.giving import AMOUNT, CURRENCY, REPORTED
from goodwill.http.pages.present.timeline_words import worded
from goodwill.projections import ledger, timeline


async def sections(reader: Reads, actor: UUID, give_id: UUID) -> dict[str, Any]:
    """The give, if I gave or received it and am connected with the other party, and its
    thanks with the message, read the same by both."""
    give = await ledger.my_give(reader, give_id, actor)
    if give is None:
        raise NotFoundError("No such give of yours.")
    other = UUID(give["other_id"])
    thanks = await timeline.thanks_for(reader, actor, give_id)
    return {"person_id": other, "them": await shared_event(reader, actor, other),
            "thanks": thanks and worded({**thanks, "give": give}),
            "give": answerable(give, actor), "outcome_id": uuid4(), "next_outcomes": [
                o for o in OUTCOMES if o in NEXT_OUTCOMES.get(give["outcome"], ())],
            "errors": {}, "values": {}}


def referral_outcome(form: Any) -> tuple[str, Decimal | None, str]:
    """The outcome, its value and currency as the API takes them; whether a value fits the
    outcome is the domain's to say."""
    outcome = required(form, "outcome", REPORTED)
    value = str(form.get("value") or "").strip()
    currency = str(form.get("currency") or "").strip().upper()
    if value and not re.fullmatch(AMOUNT, value):
        raise Invalid("value", "Please give an amount like 1500 or 1500.50.")
    if not re.fullmatch(CURRENCY, currency):
        raise Invalid("currency", "Please give a three-letter code like EUR.")
    return outcome, Decimal(value) if value else None, currency


def answer(app: Goodwill, actor: UUID, give_id: UUID, form: Any) -> Outcome:
    """The command the pressed button (``answer``) names, with the fields it needs."""
    said, cid = form.get("answer"), command_id(form)
    if said == "thank":
        return app.thank(actor, cid, give_id)
    if said == "dispute":
        return app.dispute(actor, cid, give_id, required(form, "reason", longest=REASON_LONGEST))
    if said == "retract":
        return app.retract(actor, cid, give_id, required(form, "reason", longest=REASON_LONGEST))
    if said == "outcome":
        return app.record_outcome(actor, cid, give_id, *referral_outcome(form))
    raise ValidationException(detail="The form names no answer: reload the page.")


@get("/gives/{give_id:uuid}")
async def give_page(request: Request, give_id: PathId, reader: Reads, actor: Actor) -> Template:
    return page(request, "attendee/give.html", await sections(reader, actor, give_id),
                "attendee/_give.html")


@post("/gives/{give_id:uuid}")
async def answer_give(request: Request, goodwill: App, give_id: PathId, reader: Reads,
                      actor: Actor) -> Response:
    """A thank-you goes back to the contact's page it is offered on, the rest to this one."""
    other = (await sections(reader, actor, give_id))["person_id"]
    form = await request.form()
    view = (contact_view(reader, actor, other) if form.get("answer") == "thank" else
            View(f"/gives/{give_id}", "attendee/give.html", "attendee/_give.html",
                 lambda: sections(reader, actor, give_id)))
    tried = await attempt(asyncio.to_thread(answer, goodwill, actor, give_id, form))
    return await settle(request, reader, view, tried, f"give-{give_id}", form)


HANDLERS = [give_page, answer_give]
