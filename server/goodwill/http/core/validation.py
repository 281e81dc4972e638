"""Turns the decoder's terse complaints into a field name and a sentence a person can act on."""

from __future__ import annotations

import re
from typing import Any

TYPES = {"str": "text", "int": "a whole number", "float": "a number", "bool": "true or false",
         "object": "an object", "array": "a list", "null": "null", "dict": "an object",
         "list": "a list", "NoneType": "null", "uuid": "a UUID", "date": "a date, like 2026-11-25",
         "datetime": "a time with its offset, like 2026-11-25T09:30:00+01:00"}

MISSING = re.compile(r"missing required field `(?P<name>[^`]+)`")
UNKNOWN = re.compile(r"contains unknown field `(?P<name>[^`]+)`")

SENTENCES: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"^'data'$"), lambda m: "is missing; send a JSON object"),
    (MISSING, lambda m: "is required"),
    (UNKNOWN, lambda m: "is not a field this request accepts"),
    (re.compile(r"Expected `str` of length <= (\d+)"),
     lambda m: f"must be at most {m[1]} characters"),
    (re.compile(r"Expected `str` of length >= 1"), lambda m: "must not be empty"),
    (re.compile(r"Expected `(array|object)` of length <= (\d+)"),
     lambda m: f"may have at most {m[2]} entries"),
    (re.compile(r"Expected `str` matching regex"), lambda m: "is not in the expected format"),
    (re.compile(r"Expected `(\w+)(?: \| null)?`, got `(\w+)`"),
     lambda m: f"must be {TYPES.get(m[1], m[1])}, not {TYPES.get(m[2], m[2])}"),
    (re.compile(r"Expected `\w+` >= (\S+)"), lambda m: f"must be at least {m[1]}"),
    (re.compile(r"Invalid enum value (.+)"), lambda m: f"does not allow {m[1]}"),
    (re.compile(r"Invalid UUID"),
     lambda m: "must be a UUID, like 6f1c3a52-4d0e-4bb4-9a5f-0c2d7e9b1a10"),
    (re.compile(r"Invalid RFC3339 encoded date$"), lambda m: "must be a date, like 2026-11-25"),
    (re.compile(r"datetime|timezone component"),
     lambda m: "must be a time with its offset, like 2026-11-25T09:30:00+01:00"),
    (re.compile(r"Unknown time zone"), lambda m: "must be a time zone name, like Europe/Berlin"),
]


def field_errors(extra: Any) -> list[dict[str, str]]:
    """``[{field, message}]`` from a validation failure's details; the field is dotted
    (``profile.name``) and empty when the complaint is about the body as a whole."""
    return [field_error(item) for item in extra or () if isinstance(item, dict)]


def field_error(item: dict[str, Any]) -> dict[str, str]:
    message = str(item.get("message", ""))
    field = "" if item.get("key") in (None, "data") else str(item["key"])
    named = MISSING.search(message) or UNKNOWN.search(message)
    if named:
        field = ".".join(filter(None, (field, named["name"])))
    return {"field": field, "message": sentence(message)}


def sentence(message: str) -> str:
    for pattern, say in SENTENCES:
        if match := pattern.search(message):
            return say(match)
    return message


def describe(errors: list[dict[str, str]], words: dict[str, str] | None = None) -> str:
    """One readable line naming every field to correct: by its name in the API, or by
    ``words`` where a page asked for it."""
    parts = [f"{named(e['field'], words)} {e['message']}" for e in errors]
    return ("Please correct: " + "; ".join(parts) + ".") if parts else "The request is malformed."


def named(field: str, words: dict[str, str] | None) -> str:
    if words is None:
        return field or "the request body"
    return words.get(field, "the page's address")
