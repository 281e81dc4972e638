"""Giving help, and the receiver's answer: thanks, a dispute, or a referral's outcome."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome, happened
from goodwill.domain.errors import NotAllowedError
from goodwill.domain.give import Give
from goodwill.domain.personal import Personal


class GivingCommands(CommandApplication):
    def give(self, actor: UUID, command_id: UUID, conference_id: UUID, giver: UUID,
             receiver: UUID, kind: str, note: str, happened_at: datetime | None = None) -> Outcome:
        """Either party may record it; recorded by the receiver it is confirmed at once."""
        def decide():
            if actor not in (giver, receiver):
                raise NotAllowedError("You can only record help you gave or received.")
            self.check_attending(conference_id, giver, receiver)
            give = Give(giver=giver, receiver=receiver, conference_id=conference_id, kind=kind,
                        note=Personal(actor, note), recorded_by=actor, happened_at=happened(happened_at))
            return (give,), {"give_id": give.id}
        return self.execute(actor, command_id, "give", decide)

    def thank(self, actor: UUID, command_id: UUID, give_id: UUID, message: str = "") -> Outcome:
        return self.update(actor, command_id, "thank", Give, give_id,
                           lambda g: g.thank(actor, Personal(actor, message)))

    def dispute(self, actor: UUID, command_id: UUID, give_id: UUID, reason: str) -> Outcome:
        return self.update(actor, command_id, "dispute", Give, give_id,
                           lambda g: g.dispute(actor, Personal(actor, reason)))

    def retract(self, actor: UUID, command_id: UUID, give_id: UUID, reason: str) -> Outcome:
        return self.update(actor, command_id, "retract", Give, give_id,
                           lambda g: g.retract(actor, Personal(actor, reason)))

    def record_outcome(self, actor: UUID, command_id: UUID, give_id: UUID, outcome: str,
                       value: Decimal | None = None, currency: str = "") -> Outcome:
        return self.update(actor, command_id, "record_outcome", Give, give_id,
                           lambda g: g.record_outcome(actor, outcome, value, currency))
