"""Events: setting one up, its entrances (check-in lists) and its staff."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from goodwill.http.schemas.common import VENUE_LONGEST, Command, ListKey, Name, TimeZoneName
from goodwill.http.schemas.people import Email

CheckInLists = Annotated[dict[ListKey, Name], Meta(max_length=20)]


class EventDetails(Command):
    name: Name
    starts_on: date
    ends_on: date
    timezone: TimeZoneName
    venue: Annotated[str, Meta(max_length=VENUE_LONGEST)] = ""


class CreateEvent(EventDetails):
    check_in_lists: CheckInLists = {}


class AddCheckInList(Command):
    key: ListKey
    name: Name


class StaffMember(Command):
    person_id: UUID


class NewStaffMember(Command):
    """Whom, as for attendees: ``name`` and ``email``, or ``person_id``."""

    name: Name = ""
    email: Email | None = None
    person_id: UUID | None = None


class Event(msgspec.Struct):
    conference_id: UUID
    name: str
    starts_on: date
    ends_on: date
    timezone: str
    venue: str
    check_in_lists: dict[str, str]
    organizers: list[UUID]
    staff: list[UUID]


class AuditEntry(msgspec.Struct):
    """One thing an organizer or staff member did at the event, and how it was answered."""

    at: str
    actor: UUID
    actor_name: str | None
    command: str
    outcome: Literal["accepted", "refused"]
    refusal: str | None
    result_ids: dict[str, UUID]
