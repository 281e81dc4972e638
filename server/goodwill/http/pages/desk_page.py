"""The check-in desk: a page for the event's crew at an entrance. A scanner types the ticket's
code and Enter into the always-focused field, the camera reads the ticket's QR, or the crew
find the person by name or email; the answer fills the screen.

Without scripts the forms post here and the answer comes back as the page itself (a scan
sent twice is one command, so reloading it is safe). With scripts, web/static/js/desk/ sends
scans to the desk's API in order, and decides on its own from the event's list while the
network is gone. The entrance, the direction and the device's name live in the URL.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import uuid4

from litestar import Request, get, post
from litestar.response import Template

from goodwill.domain.errors import DomainError, NotAllowedError
from goodwill.domain.ids import NAMESPACE
from goodwill.http.core.access import CREW, event_row, require_role
from goodwill.http.core.assets import QR_DECODER
from goodwill.http.desk import run_scans
from goodwill.http.pages.forms.desk import (DIRECTIONS, Choice, ListChoice, Setup, setup_of,
                                     typed_scan, verdicts)
from goodwill.http.core.errors import domain_status
from goodwill.http.event_days import local
from goodwill.http.pages.forms.common import Invalid, command_id, page
from goodwill.http.core.freshness import caught_up
from goodwill.http.core.markers import Actor, App, PathId, Reads, Scanner, Search
from goodwill.http.schemas.common import CODE_LENGTH, CODE_PATTERN
from goodwill.projections import checkins, door

async def context(reader: Reads, event: dict[str, Any], setup: Setup, q: str = "",
                  **shown: Any) -> dict[str, Any]:
    """Everything the page shows, with a fresh command id for the next scan."""
    counts = await checkins.counts(reader, event["conference_id"])
    results = await door.search(reader, event["conference_id"], q) if q.strip() else []
    return {"event": event, "setup": setup, "directions": DIRECTIONS,
            "list_name": event["check_in_lists"].get(setup.list_key or "", ""),
            "counts": counts.get(setup.list_key or "", {"checked_in": 0, "inside": 0}),
            "q": q, "results": [state_of(r, setup, event["timezone"]) for r in results],
            "command_id": uuid4(), "undo_command_id": uuid4(), "decoder": QR_DECODER,
            "code_pattern": CODE_PATTERN, "code_length": CODE_LENGTH,
            "ticket_namespace": NAMESPACE, "verdicts": verdicts(setup.direction),
            "answer": None, "undo": None, "undone": None, "errors": {}, "typed": "", **shown}


def state_of(row: dict[str, Any], setup: Setup, zone: str) -> dict[str, Any]:
    """A search result with its ticket's state at this entrance, on the event's clock."""
    scan = row["check_ins"].get(setup.list_key or "")
    return {**row, "inside": bool(scan and scan["inside"]), "command_id": uuid4(),
            "since": scan and local(scan["checked_in_at"], zone)}


@get("/events/{conference_id:uuid}/desk")
async def desk_page(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                    list_key: ListChoice = None,
                    direction: Choice = None, device: Choice = None,
                    q: Search = "") -> Template:
    """For the crew only. With ``q``, the people whose name has it or whose email it is."""
    event = await require_role(reader, conference_id, actor, CREW)
    setup = setup_of(event, list_key, direction, device)
    return page(request, "desk/desk.html", await context(reader, event, setup, q),
                "desk/_desk_results.html")


@post("/events/{conference_id:uuid}/desk")
async def desk_scan(request: Request, goodwill: App, conference_id: PathId, reader: Reads,
                    scanner: Scanner) -> Template:
    """The answer is the page: green or red with the reason, and Undo after an admission.
    Who may scan is the application's to say; a form it never sees is checked here."""
    event, form = await event_row(reader, conference_id), await request.form()
    setup = setup_of(event, form.get("list"), form.get("direction"), form.get("device"))
    try:
        scan = typed_scan(form, setup)
    except Invalid as error:
        await require_role(reader, conference_id, scanner, CREW)
        shown = await context(reader, event, setup, errors={error.field: error.message},
                              typed=form.get("code"))
        return page(request, "desk/desk.html", shown, status_code=400)
    event, answered = await run_scans(goodwill, reader, scanner, conference_id, [scan])
    await caught_up(reader, answered.position)
    answer = answered.answers[0]
    shown = await context(reader, event, setup, answer=answer,
                          undo=scan.command_id if answer.outcome == "checked_in" else None)
    return page(request, "desk/desk.html", shown,
                status_code=answer.status if answer.outcome == "refused" else 200)


@post("/events/{conference_id:uuid}/desk/undo")
async def desk_undo(request: Request, goodwill: App, conference_id: PathId, reader: Reads,
                    actor: Actor) -> Template:
    """Takes back the check-in the form names, which this same person made. Who may is the
    application's to say: its refusal of a stranger is an error page, not the desk."""
    event, form = await event_row(reader, conference_id), await request.form()
    setup = setup_of(event, form.get("list"), form.get("direction"), form.get("device"))
    try:
        outcome = await asyncio.to_thread(
            goodwill.undo_check_in, actor, command_id(form), conference_id,
            command_id(form, "check_in_command_id"), setup.device)
    except NotAllowedError:
        raise
    except DomainError as refusal:
        shown = await context(reader, event, setup, undone=refusal.message)
        return page(request, "desk/desk.html", shown, status_code=domain_status(refusal))
    await caught_up(reader, outcome.position)
    ticket = str(outcome.result["ticket_id"])
    name = (await door.holders(reader, {ticket}))[ticket]["name"] or "The ticket holder"
    shown = await context(reader, event, setup,
                          undone=f"Check-in undone: {name} is not checked in here now.")
    return page(request, "desk/desk.html", shown)


HANDLERS = [desk_page, desk_scan, desk_undo]
