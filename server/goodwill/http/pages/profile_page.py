"""My profile at one event and what I share of it, with the history of those choices.

Two forms, each its own command: the profile's fields, and the consent choices, every one
off until the attendee turns it on. Anyone not attending the event gets a 404.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.exceptions import ValidationException
from litestar.response import Redirect, Template

from goodwill.application import Goodwill, Outcome
from goodwill.domain.attendee import PROFILE, Profile
from goodwill.domain.errors import NotFoundError
from goodwill.http import event_days
from goodwill.http.pages.forms.common import Invalid, attempt, command_id, page, wants_fragment
from goodwill.http.pages.forms.consent import CHOICES, consent_of
from goodwill.http.core.freshness import caught_up
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.common import max_lengths
from goodwill.http.schemas.people import Profile as ProfileBody
from goodwill.projections import consent, directory

LABELS = {"name": "Name", "company": "Company", "role": "Role", "offers": "What I offer",
          "needs": "What I need"}
LIMITS = max_lengths(ProfileBody)
FIELDS = tuple((field, LABELS[field], LIMITS[field]) for field in PROFILE)
"""Each field with its label and its limit, which is the API's."""
FRAGMENTS = {"profile": "attendee/_profile_form.html", "consent": "attendee/_consent.html"}
HISTORY_SHOWN = 10


async def attending(reader: Reads, conference_id: UUID, actor: UUID) -> dict[str, Any]:
    me = await directory.attendee(reader, conference_id, actor)
    if me is None:
        raise NotFoundError("You are not registered for this event.")
    return me


async def sections(reader: Reads, conference_id: UUID, actor: UUID) -> dict[str, Any]:
    """What the page shows, the forms filled with what is recorded, each with a fresh id."""
    me = await attending(reader, conference_id, actor)
    event = await directory.conference(reader, conference_id)
    history = await consent.consent_history(reader, conference_id, actor)
    return {"event": event, "values": {"profile": me, "consent": me}, "errors": {},
            "ids": {form: uuid4() for form in FRAGMENTS}, "fields": FIELDS,
            "choices": CHOICES, "changes": len(history), "saved": None,
            "history": [{**h, "at": event_days.local(h["at"], event["timezone"])}
                        for h in reversed(history[-HISTORY_SHOWN:])]}


def profile_of(form: Any) -> Profile:
    values = {field: str(form.get(field) or "").strip() for field, _, _ in FIELDS}
    if not values["name"]:
        raise Invalid("name", "Please give the name people will see.")
    for field, _, limit in FIELDS:
        if len(values[field]) > limit:
            raise Invalid(field, f"Please keep this to {limit} characters.")
    return Profile(**values)


def record(app: Goodwill, actor: UUID, conference_id: UUID, form: Any) -> Outcome:
    """An unticked box is not sent at all, so it is a choice to share nothing."""
    action, cid = form.get("action"), command_id(form)
    if action == "profile":
        return app.update_profile(actor, cid, conference_id, profile_of(form))
    if action == "consent":
        return app.change_consent(actor, cid, conference_id, consent_of(form))
    raise ValidationException(detail="The form names no action: reload the page.")


@get("/events/{conference_id:uuid}/profile")
async def profile_page(request: Request, conference_id: PathId, reader: Reads,
                       actor: Actor) -> Template:
    return page(request, "attendee/profile.html", await sections(reader, conference_id, actor))


@post("/events/{conference_id:uuid}/profile")
async def save(request: Request, goodwill: App, conference_id: PathId, reader: Reads,
               actor: Actor) -> Response:
    """Like the contact page's forms: back to the page once it shows the change, or with
    htmx the form alone; a refused or invalid form keeps its values and says why."""
    await attending(reader, conference_id, actor)
    form = await request.form()
    action = form.get("action") if form.get("action") in FRAGMENTS else "profile"
    tried = await attempt(asyncio.to_thread(record, goodwill, actor, conference_id,
                                            form))
    if tried.outcome is not None:
        if not wants_fragment(request):
            return Redirect(f"/events/{conference_id}/profile",
                            query_params={"after": tried.outcome.position}, status_code=303)
        await caught_up(reader, tried.outcome.position)
    context = await sections(reader, conference_id, actor)
    if tried.errors:
        context["errors"], context["values"][action] = {action: tried.errors}, dict(form)
    else:
        context["saved"] = action
    return page(request, "attendee/profile.html", context, FRAGMENTS[action], tried.status)


HANDLERS = [profile_page, save]
