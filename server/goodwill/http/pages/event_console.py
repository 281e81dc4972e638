"""An event's console, for its organizers: the event's details, its entrances (check-in
lists), who works the door (door devices invited by link, staff people) and
self-registration with its join QR, with links to the event's other organizer pages.

One URL for every form, each naming its ``action``; with htmx a form's section is swapped
alone. Inviting a device answers with the page itself instead of a redirect, showing the
device's link, so the link is never in a URL, the history or a cached page.
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal
from uuid import UUID, uuid4

from litestar import Request, Response, get, post
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter
from litestar.response import Template

from goodwill.application import Outcome
from goodwill.http import event_days
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.pages.forms.console import ACTIONS
from goodwill.http.core.defenses import NO_STORE
from goodwill.http.pages.forms.event import ZONE_NAMES
from goodwill.http.pages.forms.common import Attempt, View, attempt, page, settle
from goodwill.http.core.freshness import caught_up
from goodwill.http.core.markers import Actor, App, PathId, Reads, Signer
from goodwill.http.pages.present.qr import qr_svg
from goodwill.http.core.site import site_url
from goodwill.projections import credentials, directory, registration
from goodwill.tokens import DEVICE, JOIN_CODE, Keys

SECTIONS = {section: f"organizer/_console_{section}.html" for section in (
    "details", "lists", "devices", "device_list", "staff", "registration")}
Section = Annotated[Literal[tuple(SECTIONS)] | None, QueryParameter(
    description="With htmx, the one section to answer with")]
CHANGED = {"issue_device": "device-issued", "revoke_device": "device-revoked"}
"""What htmx is told after these commands, so the section each did not swap fetches itself."""


async def sections(request: Request, reader: Reads, event: dict[str, Any],
                   shown: UUID | None = None, saved: str | None = None) -> dict[str, Any]:
    """Everything the console shows, each form with a fresh command id."""
    zone, site = event["timezone"], site_url(request)
    devices = [{**d, "issued": event_days.local(d["issued_at"], zone)}
               for d in await credentials.devices(reader, UUID(event["conference_id"]))]
    staff = await directory.names(reader, set(event["staff"]))
    return {"event": event, "url": f"/events/{event['conference_id']}/console",
            "devices": devices,
            "device_link": shown and device_link(request, devices, shown, site),
            "staff": [{"person_id": p, "name": n or "Someone forgotten"}
                      for p, n in sorted(staff.items(), key=lambda item: item[1])],
            "registration": await joining(request, reader, event, site),
            "ids": {action: uuid4() for action in ACTIONS},
            "errors": {}, "values": {}, "saved": saved, "zones": ZONE_NAMES}


async def invited(goodwill: App, outcome: Outcome | None) -> UUID | None:
    """The device this answer invited, whose link it shows; a resent form replays the
    command, and shows the link again only while no browser or scanner has used it."""
    device_id = outcome and UUID(str(outcome.result["device_id"]))
    if device_id and outcome.replayed and await asyncio.to_thread(
            goodwill.device_used, device_id):
        return None
    return device_id


def device_link(request: Request, devices: list[dict[str, Any]], shown: UUID,
                site: str) -> dict[str, Any] | None:
    """The link (and its QR) of the device just invited, while it is not revoked: a door
    phone scans the QR and is signed in as that device."""
    wanted = str(shown)
    device = next((d for d in devices if d["device_id"] == wanted and not d["revoked"]), None)
    if device is None:
        return None
    keys: Keys = request.app.state.signer
    link = f"{site}/s#{keys.token(DEVICE, UUID(wanted))}"
    return {**device, "link": link, "qr": qr_svg(link, f"Sign-in link of {device['label']}")}


async def joining(request: Request, reader: Reads, event: dict[str, Any],
                  site: str) -> dict[str, Any] | None:
    """Self-registration, if open: since when, its join code, the join page's URL and QR."""
    row = await registration.registration(reader, UUID(event["conference_id"]))
    if row is None:
        return None
    code = request.app.state.signer.unseal(JOIN_CODE, row["sealed_code"])
    url = code and f"{site}/j/{code}"
    return {"since": event_days.local(row["opened_at"], event["timezone"]), "code": code,
            "url": url, "qr": url and qr_svg(url, f"Join {event['name']}")}


@get("/events/{conference_id:uuid}/console")
async def console(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                  section: Section = None) -> Template:
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    return page(request, "organizer/event_console.html", await sections(request, reader, event),
                section and SECTIONS[section])


@post("/events/{conference_id:uuid}/console")
async def act(request: Request, goodwill: App, keys: Signer, conference_id: PathId,
              reader: Reads, actor: Actor) -> Response:
    """Organizers only, checked before the form is read. Without JS, back to the console once
    it shows the change; with htmx, the form's section. A refused or invalid form comes
    back with its values and the error next to its field."""
    await require_role(reader, conference_id, actor, ORGANIZERS)
    form = await request.form()
    name = str(form.get("action"))
    if name not in ACTIONS:
        raise ValidationException(detail="The form names no action: reload the page.")
    section, action = ACTIONS[name]
    tried = await attempt(asyncio.to_thread(action, goodwill, actor, conference_id, form,
                                            keys))
    shown = name == "issue_device" and await invited(goodwill, tried.outcome)
    if shown:  # the new device's link, shown in this answer and never behind a redirect
        await caught_up(reader, tried.outcome.position)
    saved = name if tried.outcome else None

    async def context() -> dict[str, Any]:
        event = await require_role(reader, conference_id, actor, ORGANIZERS)
        return await sections(request, reader, event, shown, saved)

    view = View(f"/events/{conference_id}/console", "organizer/event_console.html",
                SECTIONS[section], context)
    answer = await settle(request, reader, view, Attempt(None) if shown else tried, name, form)
    answer.headers.update(NO_STORE)
    if tried.outcome and name in CHANGED:
        answer.headers["HX-Trigger"] = CHANGED[name]
    return answer


HANDLERS = [console, act]
