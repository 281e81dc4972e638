"""Scanning tickets at the door. The fast path: one read of the event and of each scan's
ticket and receipt for a whole batch, then one save a scan (written together with other
doors' scans by :mod:`goodwill.group_commit` on PostgreSQL).

A scan names its ticket by the secret code a scanner reads, or by the ticket's id, which a
desk finds by name or holds in its offline list (the id is derived from the code, so the
list carries no code). Either way it is the same command, and one command id is one scan.
Every door (the desk's page, the desk's API, the single-scan API) comes in through
:meth:`CheckInCommands.scan_tickets` or :meth:`CheckInCommands.scan_ticket`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome, happened
from goodwill.application.reading_ahead import Known
from goodwill.domain.conference import Conference
from goodwill.domain.credential import Device
from goodwill.domain.errors import DomainError, NotAllowedError, NotFoundError
from goodwill.domain.ids import receipt_id, ticket_id
from goodwill.domain.receipt import CommandReceipt
from goodwill.domain.ticket import Ticket


@dataclass(frozen=True, kw_only=True)
class DoorScan:
    """One scan as a door made it: the ticket by its code or by its id. ``offline``: the
    device let the ticket through without the network and reports it now, with its own
    ``scanned_at``; what an online scan would be refused for (inside already, revoked
    since) is then answered, and recorded, as a conflict."""

    command_id: UUID
    list_key: str
    device: str
    ticket_code: str | None = None
    ticket_id: UUID | None = None
    direction: Literal["in", "out"] = "in"
    scanned_at: datetime | None = None
    offline: bool = False

    @property
    def ticket(self) -> UUID:
        return self.ticket_id or ticket_id(self.ticket_code or "")


@dataclass(frozen=True)
class Scanned:
    """A scan's answer beside the ticket it named, found or not, so a door can say whose."""

    ticket: UUID
    result: Outcome | DomainError


class CheckInCommands(CommandApplication):
    def scan_tickets(self, actor: UUID, conference_id: UUID,
                     scans: Sequence[DoorScan]) -> list[Scanned]:
        """A desk's scans in the order they were made, each its own command, so one refusal
        never holds up the others and a batch sent again is answered from receipts. Who
        may scan is decided once, for the batch: a stranger's batch is refused whole."""
        known = self._read_ahead(actor, conference_id, scans)
        conference = self._crew_event(actor, conference_id, known)
        answers = []
        for scan in scans:
            try:
                answers.append(Scanned(scan.ticket, self._scan(actor, conference, scan, known)))
            except DomainError as refusal:
                answers.append(Scanned(scan.ticket, refusal))
        return answers

    def scan_ticket(self, actor: UUID, conference_id: UUID, scan: DoorScan) -> Outcome:
        """One scan, refused by raising. Two devices scanning a ticket at once: one admits,
        the other is told when, where and by which device it was admitted."""
        known = self._read_ahead(actor, conference_id, (scan,))
        return self._scan(actor, self._crew_event(actor, conference_id, known), scan, known)

    def check_in(self, actor: UUID, command_id: UUID, conference_id: UUID, ticket_code: str,
                 list_key: str, device: str, scanned_at: datetime | None = None,
                 offline: bool = False) -> Outcome:
        """:meth:`scan_ticket` in, by the ticket's code: the single-scan API's words."""
        return self.scan_ticket(actor, conference_id, DoorScan(
            command_id=command_id, ticket_code=ticket_code, list_key=list_key, device=device,
            scanned_at=scanned_at, offline=offline))

    def check_out(self, actor: UUID, command_id: UUID, conference_id: UUID, ticket_code: str,
                  list_key: str, device: str, scanned_at: datetime | None = None) -> Outcome:
        return self.scan_ticket(actor, conference_id, DoorScan(
            command_id=command_id, ticket_code=ticket_code, list_key=list_key, device=device,
            scanned_at=scanned_at, direction="out"))

    def undo_check_in(self, actor: UUID, command_id: UUID, conference_id: UUID,
                      check_in_command_id: UUID, device: str,
                      scanned_at: datetime | None = None) -> Outcome:
        """Takes back a check-in the same crew member (or device) made by mistake, named by
        that scan's command id: only its own receipt says which ticket, list and check-in it
        was, so an undo can neither reach another's scan nor a later one of the ticket."""
        def decide():
            conference = self._crew_event(actor, conference_id, Known(self))
            first = self.find(CommandReceipt, receipt_id(actor, check_in_command_id))
            if (first is None or first.command != "check_in" or first.refusal
                    or "version" not in first.result):
                raise NotFoundError("You made no such check-in here.")
            ticket = self.get(Ticket, first.result["ticket_id"], "ticket")
            ticket.undo_check_in(conference, first.result["list_key"], first.result["version"],
                                 device, happened(scanned_at))
            return (ticket,), {"ticket_id": ticket.id, "attendee_id": ticket.attendee_id,
                               "list_key": first.result["list_key"], "outcome": "undone"}
        return self.execute(actor, command_id, "undo_check_in", decide, audit=conference_id)

    def _read_ahead(self, actor: UUID, conference_id: UUID,
                    scans: Sequence[DoorScan]) -> Known:
        """The event, the actor if it is a door device, and each scan's ticket and receipt:
        one query for the batch instead of four a scan (each a round trip on PostgreSQL).
        An actor who is a person is passed by: their sealed details need not be opened."""
        known = Known(self, (Conference, Device, Ticket, CommandReceipt))
        known.read({conference_id, actor, *(scan.ticket for scan in scans),
                    *(receipt_id(actor, scan.command_id) for scan in scans)})
        return known

    def _scan(self, actor: UUID, conference: Conference, scan: DoorScan,
              known: Known) -> Outcome:
        if scan.offline and scan.scanned_at is None:
            raise DomainError("An offline scan needs the time it was scanned.")

        def decide():
            found = known.take(Ticket, scan.ticket)
            if found is None:
                raise NotFoundError("Unknown ticket code.")
            at = happened(scan.scanned_at)
            answer: dict[str, object] = {"outcome": "checked_out"}
            if scan.direction == "out":
                found.check_out(conference, scan.list_key, scan.device, at)
            elif conflict := found.check_in(conference, scan.list_key, scan.device, at,
                                            scan.offline):
                answer = {"outcome": "conflict", "conflict": conflict}
            else:
                answer = {"outcome": "checked_in", "version": found.version}
            return (found,), {"ticket_id": found.id, "attendee_id": found.attendee_id,
                              "list_key": scan.list_key, **answer}
        command = "check_out" if scan.direction == "out" else "check_in"
        return self.execute(actor, scan.command_id, command, decide, audit=conference.id,
                            find=known.take)

    def _crew_event(self, actor: UUID, conference_id: UUID, known: Known) -> Conference:
        conference = known.find(Conference, conference_id)
        if conference is None:
            raise NotFoundError("No such event.")
        if not (conference.can_check_in(actor) or door_device(conference_id, actor, known)):
            raise NotAllowedError("Only this event's staff and organizers can scan tickets.")
        return conference


def door_device(conference_id: UUID, actor: UUID, known: Known) -> bool:
    """A device acts as itself; only asked when the actor is not a person on the crew."""
    device = known.find(Device, actor)
    return device is not None and device.may_scan_at(conference_id)
