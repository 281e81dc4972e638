"""Self-registration: organizers open an event to anyone holding its join code, and a
newcomer becomes a person, an attendee with a ticket and a badge, and signed in, at once.

Join codes arrive as keyed digests and sealed (the HTTP layer holds the key), so neither
the store nor a receipt ever shows a code.
"""

from __future__ import annotations

from uuid import UUID

from goodwill.application.core import Outcome
from goodwill.application.credentials import CredentialCommands
from goodwill.application.people import PeopleCommands
from goodwill.domain.attendee import Consent, Profile
from goodwill.domain.conference import Conference, JoinCode
from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.ids import derived, email_id
from goodwill.domain.person import EmailIndex


def join_code_id(join_code_digest: str) -> UUID:
    return derived("join-code", join_code_digest)


class RegistrationCommands(PeopleCommands, CredentialCommands):
    def open_registration(self, actor: UUID, command_id: UUID, conference_id: UUID,
                          join_code_digest: str, sealed_code: str) -> Outcome:
        """Opening again with a new code retires the old one. ``sealed_code`` is the code as
        only the server can read it back, for organizers to show it again."""
        def decide():
            conference = self.organized_by(conference_id, actor)
            index = self.find(JoinCode, join_code_id(join_code_digest))
            if index is not None and index.conference_id != conference_id:
                raise ConflictError("Another event uses that join code; choose another.")
            index = index or JoinCode(conference_id=conference_id,
                                      id=join_code_id(join_code_digest))
            conference.open_registration(join_code_digest, sealed_code)
            return (conference, index), {"conference_id": conference_id}
        return self.execute(actor, command_id, "open_registration", decide, audit=conference_id)

    def close_registration(self, actor: UUID, command_id: UUID, conference_id: UUID) -> Outcome:
        def decide():
            conference = self.organized_by(conference_id, actor)
            conference.close_registration()
            return (conference,), {"conference_id": conference_id}
        return self.execute(actor, command_id, "close_registration", decide, audit=conference_id)

    def join(self, command_id: UUID, join_code_digest: str, name: str, email: str,
             profile: Profile, consent: Consent) -> Outcome:
        """The newcomer acts as themselves-to-be: the receipt's actor is derived from their
        email, so resending the same command finds the first answer and nobody else's.
        An email already known is refused: joining must never sign anyone in as somebody
        who already exists."""
        def decide():
            conference = self._joinable(join_code_digest)
            if self.find(EmailIndex, email_id(email)) is not None:
                raise ConflictError("This email is already registered: ask for a new"
                                    " sign-in link instead.")
            person, index = self.new_person(name, email)
            enrolled, result = self.enrol(conference.id, person, profile, consent)
            account = self.account(person.id)
            return (index, *enrolled, account), {
                **result, "person_id": person.id, "conference_id": conference.id,
                "credential_id": account.issue_link()}
        joiner = derived("joiner", email_id(email))
        return self.execute(joiner, command_id, "join", decide)

    def event_to_join(self, join_code_digest: str) -> UUID | None:
        """The event a join code opens now, for the join page to name; None otherwise."""
        try:
            return self._joinable(join_code_digest).id
        except DomainError:
            return None

    def _joinable(self, join_code_digest: str) -> Conference:
        index = self.find(JoinCode, join_code_id(join_code_digest))
        if index is None:
            raise NotAllowedError("That join code is not valid.")
        conference = self.get(Conference, index.conference_id, "event")
        conference.check_join_code(join_code_digest)
        return conference
