"""Two people who met. Mutual, and one per pair: its id is derived from the pair, so a
second scan finds the first, at this event or any later one."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

METHODS = ("badge", "manual", "introduction", "request")
"""How two people met. ``manual`` (one side's word alone) is no longer made: see README."""


class Connection(Aggregate):
    id: UUID  # derived, passed in by the application

    @event("Made")
    def __init__(self, person_a: UUID, person_b: UUID, conference_id: UUID, made_by: UUID,
                 method: str, happened_at: datetime) -> None:
        self.people = frozenset((person_a, person_b))
        self.conferences = {conference_id}

    def meet(self, conference_id: UUID, made_by: UUID, method: str,
             happened_at: datetime) -> None:
        """Meeting again at the same event changes nothing; at another event it is recorded."""
        if conference_id not in self.conferences:
            self._met_again(conference_id=conference_id, made_by=made_by, method=method,
                            happened_at=happened_at)

    @event("MetAgain")
    def _met_again(self, conference_id: UUID, made_by: UUID, method: str,
                   happened_at: datetime) -> None:
        self.conferences.add(conference_id)
