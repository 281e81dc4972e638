"""The first answer to a command, kept so that sending the same command id again returns it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event


class CommandReceipt(Aggregate):
    """Id derived from the actor and their command id; saved in the command's own transaction.

    A refusal is an answer too: an offline device replaying a refused scan must hear the
    same refusal, not a success because the world has changed since.
    """

    id: UUID  # derived, passed in by the application

    @event("Recorded")
    def __init__(self, command: str, actor: UUID, result: dict[str, Any],
                 refusal: list[str] | None = None, audit: UUID | None = None) -> None:
        """``audit`` names the event whose organizers may list this command: set for what
        organizers and staff do, never for attendees' own actions."""
        self.command, self.actor, self.result, self.refusal = command, actor, result, refusal
