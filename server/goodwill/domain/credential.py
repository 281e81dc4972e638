"""What lets someone in: a person's account (password hash, current sign-in link, the
sessions opened with a link) and the staff devices an organizer lets scan at one event.

No token or secret is stored here, only ids: a link's or device's token is derived from its
id with the server's secret key (see :mod:`goodwill.tokens`), so the event store, its
backups and its read models hold nothing that signs anyone in.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, NotAllowedError
from goodwill.domain.ids import derived


def account_id(person_id: UUID) -> UUID:
    return derived("account", person_id)


EMAILS_PER_HOUR = 3


def device_session_id(device_id: UUID) -> UUID:
    """A device has one browser session at most: its id says whose it is."""
    return derived("device-session", device_id)


class Account(Aggregate):
    """One per person, id derived from the person, so any command finds it without a search.
    A short stream: it grows when a link is issued, used or revoked or a password is set."""

    id: UUID  # derived, passed in by the application

    @event("Opened")
    def __init__(self, person_id: UUID) -> None:
        self.person_id = person_id
        self.password_hash: str | None = None
        self.link: UUID | None = None
        self.links_issued = 0
        self.sessions: list[UUID] = []
        """Sessions opened with a link: credentials of the browser alone, ended together."""
        self.spent: list[UUID] = []
        """Links used once already, one per session ever opened: told apart from links
        never issued, to say so; none means the person has never signed in by link."""
        self.emailed: list[datetime] = []
        """When the person last asked for their link by email: the latest few."""
        self.api_token: UUID | None = None
        """The personal API token's id: the person's own, shown to them once."""

    def issue_api_token(self) -> UUID:
        """A new personal API token, which replaces the one before."""
        self._api_token_issued(token_id=uuid4())
        return self.api_token

    @event("ApiTokenIssued")
    def _api_token_issued(self, token_id: UUID) -> None:
        self.api_token = token_id

    def revoke_api_token(self) -> None:
        if self.api_token is None:
            raise ConflictError("You have no API token to revoke.")
        self._api_token_revoked(token_id=self.api_token)

    @event("ApiTokenRevoked")
    def _api_token_revoked(self, token_id: UUID) -> None:
        self.api_token = None

    def email_link(self, at: datetime) -> UUID:
        """The link to email the person who asked for it (the lost-link form, a used link's
        page), at most ``EMAILS_PER_HOUR`` times an hour: nobody can flood an inbox through
        the form, and as the limit is kept here it holds whichever worker answers."""
        if len([t for t in self.emailed if t > at - timedelta(hours=1)]) >= EMAILS_PER_HOUR:
            raise NotAllowedError("Enough sign-in links were emailed to this address for now.")
        link = self.issue_link()
        self._link_emailed(at=at)
        return link

    @event("LinkEmailed")
    def _link_emailed(self, at: datetime) -> None:
        self.emailed = [*self.emailed[1 - EMAILS_PER_HOUR:], at]

    def issue_link(self) -> UUID:
        """The current link if there is one, so showing a link twice shows the same link."""
        if self.link is None:
            self._link_issued(link_id=derived("sign-in-link", self.person_id,
                                              self.links_issued + 1), person_id=self.person_id)
        return self.link

    @event("LinkIssued")
    def _link_issued(self, link_id: UUID, person_id: UUID) -> None:
        self.link = link_id
        self.links_issued += 1

    def open_session(self, link_id: UUID) -> UUID:
        """A session of its own for the browser that opened the current link, which is
        spent: whoever saw the link (an organizer who showed it, a shoulder at the desk)
        can sign in with it no more. What signs the browser in is the session's id, which
        only its signed cookie names."""
        session_id = derived("session", self.person_id, len(self.spent) + 1)
        self._signed_in(link_id=link_id, session_id=session_id)
        return session_id

    @event("SignedIn")
    def _signed_in(self, link_id: UUID, session_id: UUID) -> None:
        self.sessions = [*self.sessions, session_id]
        self.link, self.spent = None, [*self.spent, link_id]

    @property
    def holds_credential(self) -> bool:
        """Whether anything still signs the person in by link: the link, a session, a token."""
        return self.link is not None or bool(self.sessions) or self.api_token is not None

    def revoke_link(self) -> None:
        """Ends the link, if there is one, every session opened with a link, and the API
        token: all that a lost phone or laptop may hold."""
        if not self.holds_credential:
            raise ConflictError("This person has no sign-in link or session to revoke.")
        if self.link is not None:
            self._link_revoked(link_id=self.link)
        if self.sessions:
            self._sessions_ended(session_ids=self.sessions)
        if self.api_token is not None:
            self._api_token_revoked(token_id=self.api_token)

    @event("LinkRevoked")
    def _link_revoked(self, link_id: UUID) -> None:
        self.link = None

    @event("SessionsEnded")
    def _sessions_ended(self, session_ids: list[UUID]) -> None:
        self.sessions = []

    @event("PasswordSet")
    def set_password(self, password_hash: str) -> None:
        """An argon2id hash, never the password: the store may be read by more people than
        the server's memory."""
        self.password_hash = password_hash


class Device(Aggregate):
    """A phone or scanner at the door: staff of one event, nothing more, until revoked.

    Its token is shown to the organizer who invites it, and works for whatever uses it
    first: a browser that opens it as a link gets a session of its own and the token then
    opens nothing; a scanner that sends it as a bearer token keeps it, and no browser can
    open it any more. Either way, from then on the organizer can only revoke it."""

    @event("Issued")
    def __init__(self, conference_id: UUID, label: str, issued_by: UUID) -> None:
        self.conference_id, self.label = conference_id, label
        self.revoked = False
        self.session: UUID | None = None
        """The browser's session, once a browser opened the link."""
        self.client = False
        """Whether a scanner took the token up as its bearer token."""

    @property
    def used(self) -> bool:
        return self.session is not None or self.client

    def may_scan_at(self, conference_id: UUID) -> bool:
        return not self.revoked and self.conference_id == conference_id

    def open_session(self) -> UUID:
        """The session of the browser that opened the link first; the link is spent."""
        if self.revoked or self.used:
            raise NotAllowedError("This device link was already used, or is revoked.")
        session_id = device_session_id(self.id)
        self._signed_in(session_id=session_id)
        return session_id

    @event("SignedIn")
    def _signed_in(self, session_id: UUID) -> None:
        self.session = session_id

    def take_up(self) -> None:
        """A scanner's first request with the token: it is the scanner's from now on."""
        if self.revoked or self.session is not None:
            raise NotAllowedError("That device token was used by a browser, or is revoked.")
        if not self.client:
            self._taken_up()

    @event("TakenUp")
    def _taken_up(self) -> None:
        self.client = True


    def revoke(self) -> None:
        if self.revoked:
            raise ConflictError("This device is already revoked.")
        self._revoked()

    @event("Revoked")
    def _revoked(self) -> None:
        self.revoked = True
