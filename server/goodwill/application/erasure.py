"""Forgetting a person: events stay immutable, so their personal data is made unreadable
instead — read models drop it on ``Person.Forgotten`` and the person's key is destroyed."""

from __future__ import annotations

from uuid import UUID

from goodwill.application.core import SYSTEM_ACTOR, CommandApplication, Outcome
from goodwill.domain.attendee import Attendee
from goodwill.domain.conference import Conference
from goodwill.domain.credential import Account, account_id
from goodwill.domain.errors import NotAllowedError
from goodwill.domain.ids import attendee_id
from goodwill.domain.person import Person


class ErasureCommands(CommandApplication):
    def forget_person(self, actor: UUID, command_id: UUID, person_id: UUID,
                      conference_id: UUID | None = None) -> Outcome:
        """By the person themself, or on their request by an organizer of an event they
        attend. Their sign-in link is revoked in the same transaction, so no old link opens
        a nameless account. The key goes after the event is saved; a replay destroys it
        again, so a crash in between is mended by sending the same command once more."""
        def decide():
            self.check_may_forget(actor, person_id, conference_id)
            person = self.get(Person, person_id, "person")
            if not person.forgotten:
                person.forget()
            account = self.find(Account, account_id(person_id))
            if account is None or not account.holds_credential:
                return (person,), {"person_id": person_id}
            account.revoke_link()
            return (person, account), {"person_id": person_id}
        outcome = self.execute(actor, command_id, "forget_person", decide, audit=conference_id)
        self.keyring.destroy(person_id)
        return outcome

    def check_may_forget(self, actor: UUID, person_id: UUID, conference_id: UUID | None) -> None:
        if actor in (person_id, SYSTEM_ACTOR):
            return
        conference = conference_id and self.find(Conference, conference_id)
        if not conference or not conference.is_organizer(actor) or self.find(
                Attendee, attendee_id(conference_id, person_id)) is None:
            raise NotAllowedError("Only the person, or an organizer of an event they attend,"
                                  " can ask to forget them.")
