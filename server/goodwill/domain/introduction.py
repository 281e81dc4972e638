"""A introduces B and C. Each answers; when both accept they become connected.

The introducer learns only how it ended: connected, or "not now" as soon as one declines,
never which of the two declined."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError

CONNECTED, NOT_NOW = "connected", "not_now"


class Introduction(Aggregate):
    @event("Made")
    def __init__(self, introducer: UUID, person_a: UUID, person_b: UUID, conference_id: UUID,
                 why: str, happened_at: datetime) -> None:
        if len({introducer, person_a, person_b}) != 3:
            raise DomainError("An introduction needs three different people.")
        self.introducer, self.conference_id = introducer, conference_id
        self.answers: dict[UUID, bool] = {}
        self.invited = (person_a, person_b)
        self.outcome: str | None = None

    @property
    def accepted_by_both(self) -> bool:
        return all(self.answers.get(p) for p in self.invited)

    def answer(self, actor: UUID, accept: bool) -> None:
        if actor not in self.invited:
            raise NotAllowedError("Only the two people introduced can answer.")
        if actor in self.answers:
            raise ConflictError("You have already answered this introduction.")
        self._answered(person_id=actor, accepted=accept)
        if self.outcome is None and (not accept or self.accepted_by_both):
            self._concluded(outcome=CONNECTED if accept else NOT_NOW)

    @event("Answered")
    def _answered(self, person_id: UUID, accepted: bool) -> None:
        self.answers[person_id] = accepted

    @event("Concluded")
    def _concluded(self, outcome: str) -> None:
        self.outcome = outcome
