"""Reading an organizer's forms into command arguments. Each complaint is filed under its
field, so the form shows it next to that field; the limits are the API's (see
:mod:`goodwill.http.schemas`), so a page accepts what the API accepts."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

from goodwill.http.pages.forms.common import Invalid, day, required
from goodwill.http.schemas.common import EMAIL_LONGEST, NAME_LONGEST, VENUE_LONGEST, ZONES

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
JOIN_CODE = re.compile(r"^[A-Za-z0-9-]{6,64}$")
ZONE_NAMES = sorted(ZONES)
"""Suggested as a time zone field is typed."""


def text(form: Any, field: str, longest: int = NAME_LONGEST) -> str:
    return required(form, field, longest=longest)


def optional(form: Any, field: str, longest: int = NAME_LONGEST) -> str:
    """Empty, or text as :func:`text` takes it."""
    return text(form, field, longest) if str(form.get(field) or "").strip() else ""




def event_details(form: Any) -> dict[str, Any]:
    """The fields an event is created and edited with, as the commands name them."""
    details = {"name": text(form, "name"), "starts_on": day(form, "starts_on"),
               "ends_on": day(form, "ends_on"), "timezone": text(form, "timezone", 64),
               "venue": optional(form, "venue", VENUE_LONGEST)}
    if details["ends_on"] < details["starts_on"]:
        raise Invalid("ends_on", "The event cannot end before it starts.")
    if details["timezone"] not in ZONES:
        raise Invalid("timezone", "Please give a time zone name, like Europe/Berlin.")
    return details


def check_in_list(form: Any, field: str, needed: bool = True) -> dict[str, str]:
    """A check-in list named in ``field``, keyed by its name: "Workshop room" is
    ``workshop-room``; nothing when the field may be and is left empty."""
    name = text(form, field) if needed else optional(form, field)
    key = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    if name and not key:
        raise Invalid(field, "Please use some letters or digits in the name.")
    return {key: name} if name else {}


def email(form: Any) -> str:
    value = text(form, "email", EMAIL_LONGEST)
    if not EMAIL.match(value):
        raise Invalid("email", "Please give an email address, like sam@example.org.")
    return value


def join_code(form: Any) -> str | None:
    """The code an organizer chose, or None to have one made up."""
    value = optional(form, "join_code", 64)
    if value and not JOIN_CODE.match(value):
        raise Invalid("join_code", "Please use 6 to 64 letters, digits or dashes.")
    return value or None


def chosen_id(form: Any, field: str) -> UUID:
    """The id a button names (which device, which person): a tampered one is a bad form."""
    try:
        return UUID(str(form.get(field)))
    except ValueError:
        raise Invalid("form", "The form names nothing to act on: reload the page.") from None
