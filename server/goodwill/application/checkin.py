"""Scanning tickets at the door. The fast path: two short streams (ticket, event) per scan."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome, happened
from goodwill.domain.conference import Conference
from goodwill.domain.credential import Device
from goodwill.domain.errors import NotAllowedError, NotFoundError
from goodwill.domain.ids import ticket_id
from goodwill.domain.ticket import Ticket


class CheckInCommands(CommandApplication):
    def check_in(self, actor: UUID, command_id: UUID, conference_id: UUID, ticket_code: str,
                 list_key: str, device: str, scanned_at: datetime | None = None) -> Outcome:
        """Admit a ticket. Two devices scanning it at once: one admits, the other is told when,
        where and by which device it was admitted."""
        return self._scan(actor, command_id, "check_in", conference_id, ticket_code, list_key,
                          device, scanned_at)

    def check_out(self, actor: UUID, command_id: UUID, conference_id: UUID, ticket_code: str,
                  list_key: str, device: str, scanned_at: datetime | None = None) -> Outcome:
        return self._scan(actor, command_id, "check_out", conference_id, ticket_code, list_key,
                          device, scanned_at)

    def _scan(self, actor: UUID, command_id: UUID, command: str, conference_id: UUID,
              ticket_code: str, list_key: str, device: str, scanned_at: datetime | None) -> Outcome:
        def decide():
            conference = self.get(Conference, conference_id, "event")
            if not (conference.can_check_in(actor) or self._door_device(conference_id, actor)):
                raise NotAllowedError("Only this event's staff and organizers can scan tickets.")
            ticket = self.find(Ticket, ticket_id(ticket_code))
            if ticket is None:
                raise NotFoundError("Unknown ticket code.")
            scan = getattr(ticket, command)
            scan(conference, list_key, device, happened(scanned_at))
            return (ticket,), {"ticket_id": ticket.id, "attendee_id": ticket.attendee_id}
        return self.execute(actor, command_id, command, decide, audit=conference_id)

    def _door_device(self, conference_id: UUID, actor: UUID) -> bool:
        """A device acts as itself; only asked when the actor is not a person on the crew."""
        device = self.find(Device, actor)
        return device is not None and device.may_scan_at(conference_id)
