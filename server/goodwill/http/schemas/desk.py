"""The check-in desk: scans sent one by one or, after a spell offline, many at once; the
list a device keeps to decide on its own; and the conflicts offline admissions left."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from goodwill.http.schemas.common import Code, Command, Device, ListKey, Moment

Direction = Literal["in", "out"]
Outcome = Literal["checked_in", "checked_out", "conflict", "refused"]
MAX_SCANS = 100


class DeskScan(Command, kw_only=True):
    """A ticket named by the code a scanner read or by its id (from a search or the offline
    list). ``offline`` and ``scanned_at`` as for ``POST /tickets/check-in``."""

    ticket_code: Code | None = None
    ticket_id: UUID | None = None
    list_key: ListKey
    direction: Direction = "in"
    device: Device
    scanned_at: Moment | None = None
    offline: bool = False


class DeskScans(msgspec.Struct, forbid_unknown_fields=True):
    scans: Annotated[list[DeskScan], Meta(min_length=1, max_length=MAX_SCANS)]


class DeskAnswer(msgspec.Struct):
    """One scan's answer, in the order sent. A refusal is an answer too: the desk shows it.
    ``name`` and ``company`` (where its owner lists it) are the ticket holder's, given for
    this event's tickets only."""

    command_id: UUID
    outcome: Outcome
    message: str
    status: int
    replayed: bool = False
    ticket_id: UUID | None = None
    name: str | None = None
    company: str | None = None


class DeskAnswers(msgspec.Struct):
    answers: list[DeskAnswer]
    position: int


class TicketScan(msgspec.Struct):
    inside: bool
    checked_in_at: str
    device: str


class DoorTicket(msgspec.Struct):
    """``lists`` the ticket is valid for (none: every list); ``check_ins`` per list it was
    checked in at."""

    ticket_id: UUID
    name: str
    company: str
    lists: list[str]
    revoked: bool
    check_ins: dict[str, TicketScan]


class DoorList(msgspec.Struct):
    """Everything a device needs to answer a scan as the server would."""

    conference_id: UUID
    name: str
    timezone: str
    lists: dict[str, str]
    tickets: list[DoorTicket]


class Conflict(msgspec.Struct):
    """An offline admission that met a check-in already there (``double-admission``, with
    the ``first_*`` one) or a ticket revoked since (``revoked``)."""

    ticket_id: UUID
    attendee_id: UUID
    name: str | None
    list_key: str
    list_name: str | None
    kind: Literal["double-admission", "revoked"]
    device: str
    scanned_at: str
    first_device: str | None
    first_scanned_at: str | None
    received_at: str
