"""Who may sign in with what: attendees' sign-in links, API tokens, organizers' passwords
(door devices are in :mod:`goodwill.application.devices`).

Commands here answer with credential ids only; the HTTP layer turns an id into a token with
the server's secret key, so the application never holds a secret.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID, uuid4

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from goodwill.application.core import SYSTEM_ACTOR, CommandApplication, Outcome
from goodwill.domain.conference import Conference
from goodwill.domain.credential import Account, Device, account_id, device_session_id
from goodwill.domain.errors import NotAllowedError, NotFoundError
from goodwill.domain.ids import email_id
from goodwill.domain.person import EmailIndex, Person

HASHER = PasswordHasher()
"""argon2id with the library's current defaults (RFC 9106's low-memory profile)."""
DECOY = HASHER.hash("a password nobody has")
"""Checked when no account matches, so a wrong email takes as long as a wrong password."""
SIGNED_IN_BEFORE = ("This attendee has signed in before, so their link is theirs alone: a new"
                    " one can only be emailed to their own address.")
ELSEWHERE = ("This attendee also takes part in an event you do not organize, so their link is"
             " theirs alone: a new one can only be emailed to their own address.")


class CredentialCommands(CommandApplication):
    def issue_sign_in_link(self, actor: UUID, command_id: UUID, person_id: UUID,
                           conference_id: UUID | None = None, emailed: bool = False) -> Outcome:
        """The person's current link, or a new one once it was used or revoked; the same
        link however often it is asked for, so it can be shown or printed again. An
        organizer may show a link only to someone who has never signed in: after that, a
        new link goes to the person's own email (``emailed``, which the caller must honour
        by never showing it), so no organizer can act as an attendee. The receipt, in the
        event's audit log, says which: ``email_sign_in_link`` or ``issue_sign_in_link``."""
        def decide():
            account = self._link_holder(actor, person_id, conference_id)
            if actor != SYSTEM_ACTOR and not emailed:
                self._may_be_shown(actor, account)
            return (account,), {"person_id": person_id, "credential_id": account.issue_link()}
        command = "email_sign_in_link" if emailed else "issue_sign_in_link"
        return self.execute(actor, command_id, command, decide, audit=conference_id)

    def _may_be_shown(self, actor: UUID, account: Account) -> None:
        """An organizer sees the link only of someone who has never signed in and takes
        part in no event the organizer does not organize: else the organizer could act as
        them where they are not in charge."""
        if account.spent:
            raise NotAllowedError(SIGNED_IN_BEFORE)
        for event in self.get(Person, account.person_id, "person").events:
            if not self.get(Conference, event, "event").is_organizer(actor):
                raise NotAllowedError(ELSEWHERE)

    def revoke_sign_in_link(self, actor: UUID, command_id: UUID, person_id: UUID,
                            conference_id: UUID | None = None) -> Outcome:
        """Ends the link and every session opened with a link; the next link issued is
        new."""
        def decide():
            account = self._link_holder(actor, person_id, conference_id)
            account.revoke_link()
            return (account,), {"person_id": person_id}
        return self.execute(actor, command_id, "revoke_sign_in_link", decide, audit=conference_id)

    def _link_holder(self, actor: UUID, person_id: UUID, conference_id: UUID | None) -> Account:
        """An organizer manages links for their event's attendees, but not for organizers:
        a link for an organizer would let one event's organizer act at another's events."""
        person = self.get(Person, person_id, "person")
        if actor != SYSTEM_ACTOR:
            if conference_id is None:
                raise NotAllowedError("Only an event's organizers can manage sign-in links.")
            self.organized_by(conference_id, actor)
            self.check_attending(conference_id, person_id)
            if person.is_organizer:
                raise NotAllowedError("Organizers sign in with their password.")
        return self.account(person_id)

    def open_session(self, person_id: UUID, link_id: UUID) -> UUID | None:
        """A session of the person's own for a browser that opened their current link, which
        it spends (see :meth:`Account.open_session`); None when the link is not current:
        decided on the store, so a link revoked or used a moment ago opens nothing."""
        found = self.find(Account, account_id(person_id))
        if found is None or found.link != link_id:
            return None  # refused before a command, so failed attempts record nothing
        def decide():
            account = self.get(Account, account_id(person_id), "account")
            if account.link != link_id:
                raise NotAllowedError("This sign-in link is not valid any more.")
            return (account,), {"session_id": account.open_session(link_id)}
        try:
            outcome = self.execute(person_id, uuid4(), "open_session", decide)
        except NotAllowedError:
            return None
        return UUID(str(outcome.result["session_id"]))

    def standing(self, holder: UUID, credential_id: UUID) -> bool:
        """Whether a session ``holder`` opened with ``credential_id`` still stands: their
        current link, their password account, or (a door device acting as itself) a device
        not revoked. Asked of the event store on every signed-in request, not of a read
        model that may lag: a revocation answered a moment ago, by any worker, holds for
        every request that starts after it."""
        if credential_id == device_session_id(holder):
            device = self.find(Device, holder)
            return device is not None and not device.revoked and device.session == credential_id
        account = self.find(Account, account_id(holder))
        if account is None:
            return False
        if credential_id == account.id:
            return account.password_hash is not None
        if credential_id == account.api_token:
            return True
        return credential_id in account.sessions or account.link == credential_id

    def issue_api_token(self, actor: UUID, command_id: UUID) -> Outcome:
        """A personal API token for the signed-in person alone, replacing the one before;
        the caller shows it once, to them."""
        def decide():
            self.get(Person, actor, "person")  # a door device is no person: it has its token
            account = self.account(actor)
            return (account,), {"token_id": account.issue_api_token()}
        return self.execute(actor, command_id, "issue_api_token", decide)

    def holds_api_token(self, person_id: UUID) -> bool:
        found = self.find(Account, account_id(person_id))
        return found is not None and found.api_token is not None

    def revoke_api_token(self, actor: UUID, command_id: UUID) -> Outcome:
        def decide():
            account = self.account(actor)
            account.revoke_api_token()
            return (account,), {}
        return self.execute(actor, command_id, "revoke_api_token", decide)

    def link_spent(self, person_id: UUID, link_id: UUID) -> bool:
        """Whether this link signed someone in once already, and so opens nothing now."""
        found = self.find(Account, account_id(person_id))
        return found is not None and link_id in found.spent

    def account(self, person_id: UUID) -> Account:
        found = self.find(Account, account_id(person_id))
        return found or Account(person_id=person_id, id=account_id(person_id))

    def set_password(self, actor: UUID, command_id: UUID, person_id: UUID,
                     password: str) -> Outcome:
        """Only the command line sets passwords; the receipt keeps no trace of it."""
        def decide():
            if actor != SYSTEM_ACTOR:
                raise NotAllowedError("Passwords are set on the command line.")
            self.get(Person, person_id, "person")
            account = self.account(person_id)
            account.set_password(HASHER.hash(password))
            return (account,), {"person_id": person_id}
        return self.execute(actor, command_id, "set_password", decide)

    def check_password(self, email: str, password: str) -> UUID | None:
        """The person whose password this is, or None; as slow either way."""
        index = self.find(EmailIndex, email_id(email))
        account = index and self.find(Account, account_id(index.person_id))
        stored = account.password_hash if account and account.password_hash else None
        try:
            HASHER.verify(stored or DECOY, password)
        except (VerificationError, InvalidHashError):
            return None
        return account.person_id if stored else None

    def lost_link(self, email: str, conference_id: UUID | None = None) -> UUID | None:
        """The link to email someone who lost theirs; None when nobody (at that event, if
        one is named) has this email, or past its limit, which the caller must not reveal."""
        index = self.find(EmailIndex, email_id(email))
        person = index and self.find(Person, index.person_id)
        if person is None or person.forgotten:
            return None
        try:
            if conference_id is not None:
                self.check_attending(conference_id, person.id)
        except NotFoundError:
            return None
        return self.email_link(person.id)

    def email_link(self, person_id: UUID) -> UUID | None:
        """The link to email a person who asked for it themself (see
        :meth:`Account.email_link`); None past the limit, which the caller must not reveal."""
        now = datetime.now(UTC)
        def decide():
            account = self.account(person_id)
            return (account,), {"person_id": person_id,
                                "credential_id": account.email_link(now)}
        try:
            outcome = self.execute(SYSTEM_ACTOR, uuid4(), "email_own_link", decide)
        except NotAllowedError:
            return None
        return outcome.result["credential_id"]
