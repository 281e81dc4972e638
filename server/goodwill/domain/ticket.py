"""A ticket: an attendee's entry credential, checked in and out on named lists.

One short stream per ticket, so accepting a scan never replays anyone else's scans.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from eventsourcing.domain import Aggregate, event

from goodwill.domain.conference import Conference
from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.personal import Personal


@dataclass(frozen=True)
class Scan:
    list_key: str
    device: str
    scanned_at: datetime


class Ticket(Aggregate):
    id: UUID  # derived, passed in by the application

    class Issued(Aggregate.Created):
        """Version 2 carries the code, sealed with the holder's key (see
        :mod:`goodwill.domain.personal`), so organizers can print the ticket again; a
        version 1 ticket's code was never kept."""

        class_version = 2
        conference_id: UUID
        attendee_id: UUID
        lists: list[str]
        code: Personal | str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["code"] = ""

    @event(Issued)
    def __init__(self, conference_id: UUID, attendee_id: UUID, lists: list[str],
                 code: Personal | str) -> None:
        """The aggregate keeps no code: its id is derived from it, which is all a scan needs."""
        self.conference_id, self.attendee_id = conference_id, attendee_id
        self.lists = lists
        self.revoked = False
        self.inside: dict[str, Scan] = {}

    class CheckedIn(Aggregate.Event):
        """Version 2 separates the device's scan time from the server's receive time."""

        class_version = 2
        list_key: str
        device: str
        scanned_at: datetime

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["scanned_at"] = state["timestamp"]

        def apply(self, ticket: Ticket) -> None:
            ticket.inside[self.list_key] = Scan(self.list_key, self.device, self.scanned_at)

    class CheckedOut(Aggregate.Event):
        list_key: str
        device: str
        scanned_at: datetime

        def apply(self, ticket: Ticket) -> None:
            ticket.inside.pop(self.list_key, None)

    def check_in(self, conference: Conference, list_key: str, device: str,
                 scanned_at: datetime) -> None:
        self._check_admissible(conference, list_key)
        if list_key in self.inside:
            raise ConflictError(describe_check_in(conference, self.inside[list_key]))
        self.trigger_event(self.CheckedIn, list_key=list_key, device=device, scanned_at=scanned_at)

    def check_out(self, conference: Conference, list_key: str, device: str,
                  scanned_at: datetime) -> None:
        self._check_admissible(conference, list_key)
        if list_key not in self.inside:
            raise ConflictError(f"Not checked in at {conference.list_name(list_key)}.")
        self.trigger_event(self.CheckedOut, list_key=list_key, device=device, scanned_at=scanned_at)

    @event("ListsChanged")
    def change_lists(self, lists: list[str]) -> None:
        """Which entrances it opens (none named: all), as a re-imported ticket type says."""
        self.lists = lists

    @event("Revoked")
    def _revoked(self, reason: str) -> None:
        self.revoked = True

    def revoke(self, reason: str) -> None:
        if self.revoked:
            raise ConflictError("This ticket is already revoked.")
        self._revoked(reason=reason)

    def _check_admissible(self, conference: Conference, list_key: str) -> None:
        if conference.id != self.conference_id:
            raise NotAllowedError("This ticket belongs to another event.")
        name = conference.list_name(list_key)
        if self.revoked:
            raise DomainError("This ticket has been revoked.")
        if self.lists and list_key not in self.lists:
            raise NotAllowedError(f"This ticket is not valid for {name}.")


def describe_check_in(conference: Conference, scan: Scan) -> str:
    local = scan.scanned_at.astimezone(ZoneInfo(conference.timezone))
    return (f"Already checked in at {local:%H:%M} at {conference.list_name(scan.list_key)}"
            f" by device {scan.device}.")
