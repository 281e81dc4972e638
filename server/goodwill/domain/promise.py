"""A follow-up I owe someone, with a due date; kept or dropped."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, NotAllowedError


class Promise(Aggregate):
    @event("Made")
    def __init__(self, promiser: UUID, promisee: UUID, conference_id: UUID, what: str,
                 due_on: date) -> None:
        self.promiser, self.promisee = promiser, promisee
        self.due_on = due_on
        self.status = "open"

    def keep(self, actor: UUID) -> None:
        self._check_open(actor)
        self._kept()

    @event("Kept")
    def _kept(self) -> None:
        self.status = "kept"

    def drop(self, actor: UUID, reason: str) -> None:
        self._check_open(actor)
        self._dropped(reason=reason)

    @event("Dropped")
    def _dropped(self, reason: str) -> None:
        self.status = "dropped"

    def reschedule(self, actor: UUID, due_on: date) -> None:
        self._check_open(actor)
        self._rescheduled(due_on=due_on)

    @event("Rescheduled")
    def _rescheduled(self, due_on: date) -> None:
        self.due_on = due_on

    def _check_open(self, actor: UUID) -> None:
        if actor != self.promiser:
            raise NotAllowedError("Only the person who made a promise can change it.")
        if self.status != "open":
            raise ConflictError(f"This promise is already {self.status}.")
