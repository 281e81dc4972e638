"""Scanning tickets at the door. The fast path: two short streams (ticket, event) per scan.

A scan names its ticket by the secret code a scanner reads, or by the ticket's id, which a
desk finds by name or holds in its offline list (the id is derived from the code, so the
list carries no code). Either way it is the same command, and one command id is one scan.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome, happened
from goodwill.domain.conference import Conference
from goodwill.domain.credential import Device
from goodwill.domain.errors import DomainError, NotAllowedError, NotFoundError
from goodwill.domain.ids import receipt_id, ticket_id
from goodwill.domain.receipt import CommandReceipt
from goodwill.domain.ticket import Ticket


class CheckInCommands(CommandApplication):
    def check_in(self, actor: UUID, command_id: UUID, conference_id: UUID, ticket_code: str,
                 list_key: str, device: str, scanned_at: datetime | None = None,
                 offline: bool = False) -> Outcome:
        """Admit a ticket. Two devices scanning it at once: one admits, the other is told when,
        where and by which device it was admitted."""
        return self.check_in_ticket(actor, command_id, conference_id, ticket_id(ticket_code),
                                    list_key, device, scanned_at, offline)

    def check_in_ticket(self, actor: UUID, command_id: UUID, conference_id: UUID,
                        ticket: UUID, list_key: str, device: str,
                        scanned_at: datetime | None = None, offline: bool = False) -> Outcome:
        """``offline``: the device let the ticket through without the network and reports it
        now, with its own ``scanned_at``. What an online scan would be refused for (inside
        already, revoked since) is then answered, and recorded, as a conflict."""
        if offline and scanned_at is None:
            raise DomainError("An offline scan needs the time it was scanned.")

        def admit(found: Ticket, conference: Conference, at: datetime) -> dict[str, object]:
            conflict = found.check_in(conference, list_key, device, at, offline)
            if conflict:
                return {"outcome": "conflict", "conflict": conflict}
            return {"outcome": "checked_in", "version": found.version}
        return self._scan(actor, command_id, "check_in", conference_id, ticket, list_key,
                          scanned_at, admit)

    def check_out(self, actor: UUID, command_id: UUID, conference_id: UUID, ticket_code: str,
                  list_key: str, device: str, scanned_at: datetime | None = None) -> Outcome:
        return self.check_out_ticket(actor, command_id, conference_id, ticket_id(ticket_code),
                                     list_key, device, scanned_at)

    def check_out_ticket(self, actor: UUID, command_id: UUID, conference_id: UUID,
                         ticket: UUID, list_key: str, device: str,
                         scanned_at: datetime | None = None) -> Outcome:
        def leave(found: Ticket, conference: Conference, at: datetime) -> dict[str, object]:
            found.check_out(conference, list_key, device, at)
            return {"outcome": "checked_out"}
        return self._scan(actor, command_id, "check_out", conference_id, ticket, list_key,
                          scanned_at, leave)

    def undo_check_in(self, actor: UUID, command_id: UUID, conference_id: UUID,
                      check_in_command_id: UUID, device: str,
                      scanned_at: datetime | None = None) -> Outcome:
        """Takes back a check-in the same crew member (or device) made by mistake, named by
        that scan's command id: only its own receipt says which ticket, list and check-in it
        was, so an undo can neither reach another's scan nor a later one of the ticket."""
        def decide():
            conference = self._crew_event(actor, conference_id)
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

    def _scan(self, actor: UUID, command_id: UUID, command: str, conference_id: UUID,
              ticket: UUID, list_key: str, scanned_at: datetime | None, scan) -> Outcome:
        def decide():
            conference = self._crew_event(actor, conference_id)
            found = self.find(Ticket, ticket)
            if found is None:
                raise NotFoundError("Unknown ticket code.")
            answer = scan(found, conference, happened(scanned_at))
            return (found,), {"ticket_id": found.id, "attendee_id": found.attendee_id,
                              "list_key": list_key, **answer}
        return self.execute(actor, command_id, command, decide, audit=conference_id)

    def _crew_event(self, actor: UUID, conference_id: UUID) -> Conference:
        conference = self.get(Conference, conference_id, "event")
        if not (conference.can_check_in(actor) or self._door_device(conference_id, actor)):
            raise NotAllowedError("Only this event's staff and organizers can scan tickets.")
        return conference

    def _door_device(self, conference_id: UUID, actor: UUID) -> bool:
        """A device acts as itself; only asked when the actor is not a person on the crew."""
        device = self.find(Device, actor)
        return device is not None and device.may_scan_at(conference_id)
