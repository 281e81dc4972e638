"""Commands organizers use to set up an event: details, check-in lists, staff, tickets."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome
from goodwill.domain.conference import Conference
from goodwill.domain.errors import NotAllowedError
from goodwill.domain.ids import ticket_id
from goodwill.domain.ticket import Ticket


class OrganizingCommands(CommandApplication):
    def create_conference(self, actor: UUID, command_id: UUID, name: str, starts_on: date,
                          ends_on: date, timezone: str, venue: str,
                          check_in_lists: dict[str, str]) -> Outcome:
        def decide():
            self.check_organizer(actor)
            conference = Conference(name=name, starts_on=starts_on, ends_on=ends_on,
                                    timezone=timezone, venue=venue, organizer_id=actor)
            for key, list_name in check_in_lists.items():
                conference.add_check_in_list(key, list_name)
            return (conference,), {"conference_id": conference.id}
        return self.execute(actor, command_id, "create_conference", decide)

    def organizer_command(self, actor: UUID, command_id: UUID, conference_id: UUID,
                          command: str, change) -> Outcome:
        """Load the event, check the actor organizes it, apply ``change`` to it."""
        def decide():
            conference = self.organized_by(conference_id, actor)
            return (conference,), change(conference) or {}
        return self.execute(actor, command_id, command, decide, audit=conference_id)

    def change_details(self, actor: UUID, command_id: UUID, conference_id: UUID, name: str,
                       starts_on: date, ends_on: date, timezone: str, venue: str) -> Outcome:
        return self.organizer_command(
            actor, command_id, conference_id, "change_details",
            lambda c: c.change_details(name=name, starts_on=starts_on, ends_on=ends_on,
                                       timezone=timezone, venue=venue))

    def add_check_in_list(self, actor: UUID, command_id: UUID, conference_id: UUID, key: str,
                          name: str) -> Outcome:
        return self.organizer_command(actor, command_id, conference_id, "add_check_in_list",
                                      lambda c: c.add_check_in_list(key, name))

    def remove_staff(self, actor: UUID, command_id: UUID, conference_id: UUID,
                     person_id: UUID) -> Outcome:
        return self.organizer_command(actor, command_id, conference_id, "remove_staff",
                                      lambda c: c.remove_staff(person_id=person_id))

    def revoke_ticket(self, actor: UUID, command_id: UUID, conference_id: UUID,
                      ticket_code: str, reason: str) -> Outcome:
        def decide():
            conference = self.get(Conference, conference_id, "event")
            if not conference.is_organizer(actor):
                raise NotAllowedError("Only this event's organizers can revoke tickets.")
            ticket = self.get(Ticket, ticket_id(ticket_code), "ticket")
            if ticket.conference_id != conference_id:
                raise NotAllowedError("This ticket belongs to another event.")
            ticket.revoke(reason)
            return (ticket,), {"ticket_id": ticket.id}
        return self.execute(actor, command_id, "revoke_ticket", decide, audit=conference_id)
