"""Two people who met. Mutual, and one per pair: its id is derived from the pair, so a
second scan finds the first, at this event or any later one.

Every connection made now has proof that both wanted it. Older ones made on one side's word
alone (``manual``) are kept, as the log is forever, but stay unconfirmed until the other
side confirms or a proof follows (a badge scan, an accepted request or introduction)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, NotAllowedError

MANUAL = "manual"
METHODS = ("badge", MANUAL, "introduction", "request")
"""How two people met. ``manual`` (one side's word alone) is no longer made: see docs/architecture.md."""


class Connection(Aggregate):
    id: UUID  # derived, passed in by the application

    @event("Made")
    def __init__(self, person_a: UUID, person_b: UUID, conference_id: UUID, made_by: UUID,
                 method: str, happened_at: datetime) -> None:
        self.people = frozenset((person_a, person_b))
        self.conferences, self.conference_id = {conference_id}, conference_id
        self.made_by = made_by
        self.confirmed = method != MANUAL
        self.declined = False

    def meet(self, conference_id: UUID, made_by: UUID, method: str,
             happened_at: datetime) -> None:
        """Meeting again at the same event changes nothing; at another event it is recorded.
        Either way a proof confirms a connection made on one side's word."""
        if not self.confirmed and method != MANUAL:
            self._confirm(conference_id, made_by, method, happened_at)
        elif conference_id not in self.conferences:
            self._met_again(conference_id=conference_id, made_by=made_by, method=method,
                            happened_at=happened_at)

    @event("MetAgain")
    def _met_again(self, conference_id: UUID, made_by: UUID, method: str,
                   happened_at: datetime) -> None:
        self.conferences.add(conference_id)

    def answer(self, actor: UUID, accept: bool, conference_id: UUID,
               happened_at: datetime) -> None:
        """The other side's word on a connection made on one side's word alone."""
        if actor not in self.people or actor == self.made_by:
            raise NotAllowedError("Only the person asked can answer this request.")
        if self.confirmed or self.declined:
            raise ConflictError("This request was already answered.")
        if accept:
            self._confirm(conference_id, actor, "request", happened_at)
        else:
            self._declined()

    def _confirm(self, conference_id: UUID, by: UUID, method: str,
                 happened_at: datetime) -> None:
        """The event names the pair, as Made does, for read models to find them by."""
        person_a, person_b = sorted(self.people)
        self._confirmed(person_a=person_a, person_b=person_b, conference_id=conference_id,
                        by=by, method=method, happened_at=happened_at)

    @event("Confirmed")
    def _confirmed(self, person_a: UUID, person_b: UUID, conference_id: UUID, by: UUID,
                   method: str, happened_at: datetime) -> None:
        self.confirmed = True
        self.conferences.add(conference_id)

    @event("Declined")
    def _declined(self) -> None:
        self.declined = True
