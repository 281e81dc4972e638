"""A introduces B and C. Each answers; when both accept they become connected."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError


class Introduction(Aggregate):
    @event("Made")
    def __init__(self, introducer: UUID, person_a: UUID, person_b: UUID, conference_id: UUID,
                 why: str, happened_at: datetime) -> None:
        if len({introducer, person_a, person_b}) != 3:
            raise DomainError("An introduction needs three different people.")
        self.introducer, self.conference_id = introducer, conference_id
        self.answers: dict[UUID, bool] = {}
        self.invited = (person_a, person_b)

    @property
    def accepted_by_both(self) -> bool:
        return all(self.answers.get(p) for p in self.invited)

    def answer(self, actor: UUID, accept: bool) -> None:
        if actor not in self.invited:
            raise NotAllowedError("Only the two people introduced can answer.")
        if actor in self.answers:
            raise ConflictError("You have already answered this introduction.")
        self._answered(person_id=actor, accepted=accept)

    @event("Answered")
    def _answered(self, person_id: UUID, accepted: bool) -> None:
        self.answers[person_id] = accepted
