"""The check-in desk: a page for the event's crew at an entrance. A scanner types the ticket's
code and Enter into the always-focused field, the camera reads the ticket's QR, or the crew
find the person by name or email; the answer fills the screen.

Without scripts the forms post here and the answer comes back as the page itself (a scan
sent twice is one command, so reloading it is safe). With scripts, web/static/desk.js sends
scans to the desk's API in order, and decides on its own from the event's list while the
network is gone. The entrance, the direction and the device's name live in the URL.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID, uuid4

from litestar import Request, get, post
from litestar.datastructures import State
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter
from litestar.response import Template

from goodwill.database import Reader
from goodwill.domain.errors import DomainError
from goodwill.domain.ids import NAMESPACE
from goodwill.http.access import CREW, require_role
from goodwill.http.controllers.contact_page import Invalid
from goodwill.http.controllers.dashboard import Search
from goodwill.http.desk import run_scans
from goodwill.http.errors import domain_status
from goodwill.http.event_days import local
from goodwill.http.forms import command_id, page
from goodwill.http.freshness import caught_up
from goodwill.http.limits import limited
from goodwill.http.markers import Actor, PathId, Reads
from goodwill.http.schemas.common import CODE_LENGTH, CODE_PATTERN
from goodwill.http.schemas.desk import DeskScan
from goodwill.projections import checkins, door

DECODER = "/static/vendor/jsqr/jsQR-1.4.0.js"
Choice = Annotated[str | None, QueryParameter(max_length=60)]
ListChoice = Annotated[str | None, QueryParameter(name="list", max_length=60)]
DIRECTIONS = {"in": "Entry", "out": "Exit"}


def verdicts(direction: str) -> dict[str, str]:
    """The headline of each kind of answer, in words: the colour only repeats it."""
    return {"checked_in": "Admitted", "checked_out": "Checked out",
            "conflict": "Admitted, conflict recorded",
            "refused": "Not admitted" if direction == "in" else "Not checked out",
            "undone": "Check-in undone", "pending": "Sending…"}


@dataclass(frozen=True)
class Setup:
    """Where the desk stands: which entrance, which way people pass, and its device's name."""

    list_key: str | None
    direction: str
    device: str

    @property
    def query(self) -> dict[str, str]:
        return {"list": self.list_key or "", "direction": self.direction, "device": self.device}


def setup_of(event: dict[str, Any], list_key: str | None, direction: str | None,
             device: str | None) -> Setup:
    """The URL's choices, or the first entrance, entry, and a new device name."""
    lists = event["check_in_lists"]
    if list_key and list_key not in lists:
        raise ValidationException(extra=[{"key": "list", "message": "is no entrance of this event"}])
    if direction and direction not in DIRECTIONS:
        raise ValidationException(extra=[{"key": "direction", "message": "is 'in' or 'out'"}])
    device = str(device or "").strip()[:60] or f"desk-{secrets.token_hex(3)}"
    return Setup(list_key or next(iter(lists), None), direction or "in", device)


def typed_scan(form: Any, setup: Setup) -> DeskScan:
    """A scan from the desk's form: a typed code, or a ticket id from a search result."""
    chosen = form.get("ticket_id")
    if chosen:
        try:
            ticket = UUID(str(chosen))
        except ValueError:
            raise ValidationException(detail="The form names no ticket: search again.") from None
        return DeskScan(command_id=command_id(form), ticket_id=ticket, list_key=setup.list_key,
                        direction=setup.direction, device=setup.device)
    code = str(form.get("code") or "").strip()
    if not code:
        raise Invalid("code", "Please scan or type the ticket's code.")
    if len(code) > CODE_LENGTH or not re.fullmatch(CODE_PATTERN, code):
        raise Invalid("code", "That is not a ticket code: it has letters, digits, - and _ only.")
    return DeskScan(command_id=command_id(form), ticket_code=code, list_key=setup.list_key,
                    direction=setup.direction, device=setup.device)


async def context(reader: Reader, event: dict[str, Any], setup: Setup, q: str = "",
                  **shown: Any) -> dict[str, Any]:
    """Everything the page shows, with a fresh command id for the next scan."""
    counts = await checkins.counts(reader, event["conference_id"])
    results = await door.search(reader, event["conference_id"], q) if q.strip() else []
    return {"event": event, "setup": setup, "directions": DIRECTIONS,
            "list_name": event["check_in_lists"].get(setup.list_key or "", ""),
            "counts": counts.get(setup.list_key or "", {"checked_in": 0, "inside": 0}),
            "q": q, "results": [state_of(r, setup, event["timezone"]) for r in results],
            "command_id": uuid4(), "undo_command_id": uuid4(), "decoder": DECODER,
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
    return page(request, "desk.html", await context(reader, event, setup, q),
                "_desk_results.html")


@post("/events/{conference_id:uuid}/desk", guards=[limited("scan")])
async def desk_scan(request: Request, state: State, conference_id: PathId, reader: Reads,
                    actor: Actor) -> Template:
    """The answer is the page: green or red with the reason, and Undo after an admission."""
    event, form = await require_role(reader, conference_id, actor, CREW), await request.form()
    setup = setup_of(event, form.get("list"), form.get("direction"), form.get("device"))
    try:
        scan = typed_scan(form, setup)
    except Invalid as error:
        shown = await context(reader, event, setup, errors={error.field: error.message},
                              typed=form.get("code"))
        return page(request, "desk.html", shown, status_code=400)
    answered = await run_scans(state, reader, actor, conference_id, event, [scan])
    await caught_up(reader, answered.position)
    answer = answered.answers[0]
    shown = await context(reader, event, setup, answer=answer,
                          undo=scan.command_id if answer.outcome == "checked_in" else None)
    return page(request, "desk.html", shown,
                status_code=answer.status if answer.outcome == "refused" else 200)


@post("/events/{conference_id:uuid}/desk/undo")
async def desk_undo(request: Request, state: State, conference_id: PathId, reader: Reads,
                    actor: Actor) -> Template:
    """Takes back the check-in the form names, which this same person made."""
    event, form = await require_role(reader, conference_id, actor, CREW), await request.form()
    setup = setup_of(event, form.get("list"), form.get("direction"), form.get("device"))
    try:
        outcome = await asyncio.to_thread(
            state.system.app.undo_check_in, actor, command_id(form), conference_id,
            command_id(form, "check_in_command_id"), setup.device)
    except DomainError as refusal:
        shown = await context(reader, event, setup, undone=refusal.message)
        return page(request, "desk.html", shown, status_code=domain_status(refusal))
    await caught_up(reader, outcome.position)
    ticket = str(outcome.result["ticket_id"])
    name = (await door.holders(reader, {ticket}))[ticket]["name"] or "The ticket holder"
    shown = await context(reader, event, setup,
                          undone=f"Check-in undone: {name} is not checked in here now.")
    return page(request, "desk.html", shown)


HANDLERS = [desk_page, desk_scan, desk_undo]
