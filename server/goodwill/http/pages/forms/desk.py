"""What the desk's forms and its URL say: where the desk stands, and the scan a form sends.
Checked here, so the page's handlers only run the scan and show the answer."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Annotated, Any
from uuid import UUID

from litestar.exceptions import ValidationException
from litestar.params import QueryParameter

from goodwill.http.pages.forms.common import Invalid, command_id
from goodwill.http.schemas.common import CODE_LENGTH, CODE_PATTERN
from goodwill.http.schemas.desk import DeskScan

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



def setup_of(event: dict[str, Any], list_key: str | None, direction: str | None,
             device: str | None) -> Setup:
    """The URL's choices, or the first entrance, entry, and a new device name."""
    lists = event["check_in_lists"]
    if list_key and list_key not in lists:
        raise ValidationException(extra=[{"key": "list",
                                          "message": "is no entrance of this event"}])
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
