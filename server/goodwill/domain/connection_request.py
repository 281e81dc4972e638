"""A asks B to connect: for two people who met without scanning a badge. B alone decides,
and A learns nothing but "pending" until B accepts, so declining costs B nothing."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.ids import derived

PENDING, ACCEPTED, DECLINED, BLOCKED = "pending", "accepted", "declined", "blocked"
ACCEPT_OR_BLOCK = "Accept the request or block its sender, not both."
REQUESTS_PER_EVENT = 30
"""Requests one person may send at one event: enough for a day of real meetings, too few
to harvest a directory."""


def request_id(sender: UUID, receiver: UUID) -> UUID:
    """One request per ordered pair: asking again finds the first, and a block holds."""
    return derived("connection-request", sender, receiver)


def requests_sent_id(sender: UUID, conference_id: UUID) -> UUID:
    return derived("connection-requests-sent", sender, conference_id)


class ConnectionRequest(Aggregate):
    id: UUID  # derived, passed in by the application

    @event("Sent")
    def __init__(self, sender: UUID, receiver: UUID, conference_id: UUID,
                 happened_at: datetime) -> None:
        if sender == receiver:
            raise DomainError("You cannot connect with yourself.")
        self.sender, self.receiver, self.conference_id = sender, receiver, conference_id
        self.state = PENDING

    def send_again(self, conference_id: UUID, happened_at: datetime) -> bool:
        """A declined request may be sent again; a pending one stays as it was; a blocked
        sender is not told, and nothing reaches the receiver. Whether it was sent again."""
        if self.state != DECLINED:
            return False
        self._sent_again(conference_id=conference_id, happened_at=happened_at)
        return True

    @event("SentAgain")
    def _sent_again(self, conference_id: UUID, happened_at: datetime) -> None:
        self.state, self.conference_id = PENDING, conference_id

    def answer(self, actor: UUID, accept: bool, block: bool = False) -> None:
        if actor != self.receiver:
            raise NotAllowedError("Only the person asked can answer this request.")
        if self.state != PENDING:
            raise ConflictError("This request was already answered.")
        if accept and block:
            raise DomainError(ACCEPT_OR_BLOCK)
        self._answered(state=ACCEPTED if accept else BLOCKED if block else DECLINED)

    @event("Answered")
    def _answered(self, state: str) -> None:
        self.state = state


class RequestsSent(Aggregate):
    """How many connection requests one person sent at one event."""

    id: UUID  # derived, passed in by the application

    @event("Started")
    def __init__(self, sender: UUID, conference_id: UUID) -> None:
        self.count = 0

    def count_one(self) -> None:
        if self.count >= REQUESTS_PER_EVENT:
            raise DomainError(f"You have sent {REQUESTS_PER_EVENT} connection requests at this"
                              " event, which is the most one person can: scan badges instead.")
        self._counted()

    @event("Counted")
    def _counted(self) -> None:
        self.count += 1
