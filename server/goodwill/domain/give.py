"""Value one person gave another, the receiver's thanks or dispute, and a referral's outcome."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID, uuid4

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.ids import derived

KINDS = ("introduction", "referral", "resource", "insight", "advice", "support", "collaboration")
OUTCOMES = ("new", "contacted", "won", "lost")
NEXT_OUTCOMES = {"new": {"contacted", "won", "lost"}, "contacted": {"won", "lost"}}


def introduction_give_id(introduction_id: UUID, receiver: UUID) -> UUID:
    """An introducer's give to one of the two: found again when both accept."""
    return derived("introduction-give", introduction_id, receiver)


class Give(Aggregate):
    @staticmethod
    def create_id(receiver: UUID, introduction_id: UUID | None = None) -> UUID:
        return uuid4() if introduction_id is None else introduction_give_id(introduction_id,
                                                                            receiver)

    @event("Given")
    def __init__(self, giver: UUID, receiver: UUID, conference_id: UUID, kind: str, note: str,
                 recorded_by: UUID, happened_at: datetime,
                 introduction_id: UUID | None = None) -> None:
        if giver == receiver:
            raise DomainError("A give needs two different people.")
        if kind not in KINDS:
            raise DomainError(f"A give is one of: {', '.join(KINDS)}.")
        self.giver, self.receiver, self.kind = giver, receiver, kind
        self.introduction_id = introduction_id
        self.status = "thanked" if recorded_by == receiver else "pending"
        self.retracted = False
        self.outcome = "new" if kind == "referral" else None

    @property
    def confirmed(self) -> bool:
        return self.status == "thanked" and not self.retracted

    def thank(self, actor: UUID, message: str) -> None:
        self._check_receiver(actor)
        if self.status == "thanked":
            raise ConflictError("You have already thanked them for this.")
        if self.introduction_id is not None:
            raise DomainError("An introduction is confirmed when both people introduced accept"
                              " it: accept it instead.")
        self._thanked(message=message)

    def confirm_introduction(self, message: str) -> None:
        """Both people introduced accepted: that is the receiver's thanks for it."""
        if self.status != "thanked" and not self.retracted:
            self._thanked(message=message)

    @event("Thanked")
    def _thanked(self, message: str) -> None:
        self.status = "thanked"

    def dispute(self, actor: UUID, reason: str) -> None:
        self._check_receiver(actor)
        if self.status == "disputed":
            raise ConflictError("You have already disputed this.")
        self._disputed(reason=reason)

    @event("Disputed")
    def _disputed(self, reason: str) -> None:
        self.status = "disputed"

    def retract(self, actor: UUID, reason: str) -> None:
        if actor != self.giver:
            raise NotAllowedError("Only the giver can retract a give.")
        if self.retracted:
            raise ConflictError("This give is already retracted.")
        self._retracted(reason=reason)

    @event("Retracted")
    def _retracted(self, reason: str) -> None:
        self.retracted = True

    def record_outcome(self, actor: UUID, outcome: str, value: Decimal | None,
                       currency: str) -> None:
        """BNI's "thank you for closed business": the referral's receiver reports what came of it."""
        if self.kind != "referral":
            raise DomainError("Only a referral has an outcome.")
        self._check_receiver(actor)
        if outcome not in NEXT_OUTCOMES.get(self.outcome, set()):
            raise ConflictError(f"A referral that is {self.outcome} cannot become {outcome}.")
        if value is not None and outcome != "won":
            raise DomainError("A value can only be given for a referral that was won.")
        self._outcome_recorded(outcome=outcome, value=value, currency=currency)

    @event("ReferralOutcomeRecorded")
    def _outcome_recorded(self, outcome: str, value: Decimal | None, currency: str) -> None:
        self.outcome = outcome

    def _check_receiver(self, actor: UUID) -> None:
        if actor != self.receiver:
            raise NotAllowedError("Only the person who received this can answer it.")
        if self.retracted:
            raise ConflictError("The giver has retracted this give.")
