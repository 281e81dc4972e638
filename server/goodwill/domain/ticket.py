"""A ticket: an attendee's entry credential, checked in and out on named lists.

One short stream per ticket, so accepting a scan never replays anyone else's scans.

An *offline* admission is one a door device already let through while it had no network
and reports later, with the time it scanned. The door cannot take it back, so where an
online scan would be refused because the ticket is inside already (another device let it
in) or was revoked since the device fetched its list, the ticket records a conflict for
the organizers instead of a refusal nobody at the door would hear.
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


DOUBLE_ADMISSION, REVOKED = "double-admission", "revoked"
"""The kinds of conflict an offline admission can meet."""
SEVERAL_TYPES = " + "
"""Between the types of one ticket standing for several the shop sold one person: an
attendee holds one Goodwill ticket ("Conference pass + Workshop day")."""


@dataclass(frozen=True)
class Scan:
    list_key: str
    device: str
    scanned_at: datetime
    version: int  # of the CheckedIn event, which names this check-in for an undo


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
        self.ticket_type = ""
        self.revoked = False
        self.inside: dict[str, Scan] = {}
        self.admissions = 0  # check-ins that stand: not undone

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
            ticket.inside[self.list_key] = Scan(self.list_key, self.device, self.scanned_at,
                                                self.originator_version)
            ticket.admissions += 1

    class CheckedOut(Aggregate.Event):
        list_key: str
        device: str
        scanned_at: datetime

        def apply(self, ticket: Ticket) -> None:
            ticket.inside.pop(self.list_key, None)

    class CheckInUndone(Aggregate.Event):
        """The crew took back a check-in made by mistake: the ticket is as if that scan had
        never been; ``scanned_at`` is when it was undone. ``arrival``: it was the ticket's
        only check-in, so its holder has not arrived after all."""

        list_key: str
        device: str
        scanned_at: datetime
        undone_version: int
        undone_scanned_at: datetime
        arrival: bool

        def apply(self, ticket: Ticket) -> None:
            ticket.inside.pop(self.list_key, None)
            ticket.admissions -= 1

    class ConflictRecorded(Aggregate.Event):
        """An offline admission the record could not take: ``first_*`` name the check-in
        that was there first, if any. The ticket's state does not change."""

        list_key: str
        device: str
        scanned_at: datetime
        kind: str
        first_device: str | None
        first_scanned_at: datetime | None

    def check_in(self, conference: Conference, list_key: str, device: str,
                 scanned_at: datetime, offline: bool = False) -> str | None:
        """Admits the ticket, or, for an offline admission the record cannot take, records
        the conflict and says what it was."""
        self._check_admissible(conference, list_key, revoked_is_refused=not offline)
        first = self.inside.get(list_key)
        if offline and (self.revoked or first):
            kind = REVOKED if self.revoked else DOUBLE_ADMISSION
            self.trigger_event(self.ConflictRecorded, list_key=list_key, device=device,
                               scanned_at=scanned_at, kind=kind,
                               first_device=first and first.device,
                               first_scanned_at=first and first.scanned_at)
            return describe_conflict(conference, kind, device, scanned_at, first)
        if first:
            raise ConflictError(describe_check_in(conference, first))
        self.trigger_event(self.CheckedIn, list_key=list_key, device=device, scanned_at=scanned_at)
        return None

    def undo_check_in(self, conference: Conference, list_key: str, version: int, device: str,
                      undone_at: datetime) -> None:
        """Only the check-in ``version`` names: a stale undo never takes back a later scan."""
        self._check_event(conference)
        scan = self.inside.get(list_key)
        if scan is None or scan.version != version:
            raise ConflictError("That check-in was undone already, or the ticket has been"
                                " scanned since.")
        self.trigger_event(self.CheckInUndone, list_key=list_key, device=device,
                           scanned_at=undone_at, undone_version=version,
                           undone_scanned_at=scan.scanned_at, arrival=self.admissions == 1)

    def check_out(self, conference: Conference, list_key: str, device: str,
                  scanned_at: datetime) -> None:
        self._check_admissible(conference, list_key)
        if list_key not in self.inside:
            raise ConflictError(f"Not checked in at {conference.list_name(list_key)}.")
        self.trigger_event(self.CheckedOut, list_key=list_key, device=device, scanned_at=scanned_at)

    @event("ListsChanged")
    def change_lists(self, lists: list[str]) -> None:
        """Which entrances it opens (none named: all), as a re-imported ticket says."""
        self.lists = lists

    def set_type(self, ticket_type: str) -> None:
        """What was bought, as the shop names it (pretix's product and variation,
        Eventbrite's ticket type): no check-in list, which admits whatever types it admits."""
        if ticket_type != self.ticket_type:
            self._typed(ticket_type=ticket_type)

    @event("Typed")
    def _typed(self, ticket_type: str) -> None:
        self.ticket_type = ticket_type

    @event("Revoked")
    def _revoked(self, reason: str) -> None:
        self.revoked = True

    def revoke(self, reason: str) -> None:
        if self.revoked:
            raise ConflictError("This ticket is already revoked.")
        self._revoked(reason=reason)

    def _check_event(self, conference: Conference) -> None:
        if conference.id != self.conference_id:
            raise NotAllowedError("This ticket belongs to another event.")

    def _check_admissible(self, conference: Conference, list_key: str,
                          revoked_is_refused: bool = True) -> None:
        self._check_event(conference)
        name = conference.list_name(list_key)
        if self.revoked and revoked_is_refused:
            raise DomainError("This ticket has been revoked.")
        if self.lists and list_key not in self.lists:
            raise NotAllowedError(f"This ticket is not valid for {name}.")


def describe_check_in(conference: Conference, scan: Scan) -> str:
    return (f"Already checked in at {clock(conference, scan.scanned_at)} at"
            f" {conference.list_name(scan.list_key)} by device {scan.device}.")


def describe_conflict(conference: Conference, kind: str, device: str, scanned_at: datetime,
                      first: Scan | None) -> str:
    """What the device that admitted the ticket offline is told once it syncs."""
    why = (f"it was already checked in at {clock(conference, first.scanned_at)} by device"
           f" {first.device}" if first and kind == DOUBLE_ADMISSION
           else "the ticket had been revoked")
    return (f"Admitted offline at {clock(conference, scanned_at)} by device {device}, but"
            f" {why}: conflict recorded for the organizers.")


def clock(conference: Conference, moment: datetime) -> str:
    """A time of day on the event's clock, as the door staff there read it."""
    return f"{moment.astimezone(ZoneInfo(conference.timezone)):%H:%M}"
