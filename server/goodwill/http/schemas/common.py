"""Bounded building blocks shared by every resource's schemas."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID
from zoneinfo import available_timezones

import msgspec
from msgspec import Meta

NAME_LONGEST, REASON_LONGEST, TEXT_LONGEST = 120, 500, 2000
EMAIL_LONGEST, VENUE_LONGEST = 254, 200
LONGEST = {"name": NAME_LONGEST, "reason": REASON_LONGEST, "text": TEXT_LONGEST,
           "email": EMAIL_LONGEST, "venue": VENUE_LONGEST}
"""How long a name, a reason, a free text, an email and a venue may be: the API's structs,
the pages' forms and their fields' ``maxlength`` (as ``longest``) all take them from here."""
Name = Annotated[str, Meta(min_length=1, max_length=NAME_LONGEST)]
Text = Annotated[str, Meta(max_length=TEXT_LONGEST)]
Reason = Annotated[str, Meta(max_length=REASON_LONGEST)]

CODE_PATTERN = r"^[A-Za-z0-9_-]+$"
"""A ticket's or a badge's code; written so that JavaScript's RegExp reads it the same."""
CODE_LENGTH = 64
Code = Annotated[str, Meta(min_length=1, max_length=CODE_LENGTH, pattern=CODE_PATTERN)]
ListKey = Annotated[str, Meta(min_length=1, max_length=40, pattern=r"^[a-z0-9][a-z0-9_-]*$")]
Device = Annotated[str, Meta(min_length=1, max_length=60)]
Moment = Annotated[datetime, Meta(tz=True)]
"""When a device says something happened; the offset is required, a bare clock time is ambiguous."""

ZONES = frozenset(available_timezones())


class Zone(str):
    """An IANA time zone name, checked against the zone database when the body is decoded,
    so a typo is answered as a bad field rather than as a refused command."""

    @classmethod
    def _decoder(cls, _: type, value: Any) -> Zone:
        if not isinstance(value, str):
            raise TypeError(f"Expected `str`, got `{type(value).__name__}`")
        if value not in ZONES:
            raise ValueError(f"Unknown time zone '{value[:64]}'")
        return cls(value)


TimeZoneName = Annotated[Zone, Meta(extra_json_schema={
    "description": "An IANA time zone name.", "examples": ["Europe/Berlin"],
    "extra": {"type": "string", "maxLength": 64}})]


class Command(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Every command carries a client-made id: sending it again returns the first answer."""

    command_id: UUID


class AtEvent(Command):
    conference_id: UUID


class Happened(AtEvent):
    """Something that happened at an event; an offline device reports it later with the
    time it happened, otherwise it happened when the server heard of it. Subclasses are
    ``kw_only=True``: their required fields follow this optional one."""

    happened_at: Moment | None = None


class CommandAnswer(msgspec.Struct):
    """What every command answers; ``position`` is what a read's ``after`` waits for."""

    result: dict[str, Any]
    position: int
    replayed: bool


def max_lengths(struct: type[msgspec.Struct]) -> dict[str, int]:
    """Each text field's limit as ``struct`` declares it, for a form that fills one."""
    return {f.name: f.type.max_length for f in msgspec.inspect.type_info(struct).fields
            if isinstance(f.type, msgspec.inspect.StrType) and f.type.max_length}
