"""Gives: value one person gave another, and the receiver's answers to it."""

from __future__ import annotations

from decimal import Decimal

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import answer, run
from goodwill.http.core.markers import Actor, App, PathId
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.giving import Dispute, Give, ReferralOutcome, Retract, Thank


class GiveController(Controller):
    path = "/gives"
    tags = ["gives"]

    @post("/", sync_to_thread=True)
    def give(self, data: JSONBody[Give], goodwill: App, actor: Actor) -> CommandAnswer:
        """Giver or receiver may record it; recorded by the receiver it counts as thanked."""
        return run(goodwill.give, actor, data)

    @post("/{give_id:uuid}/thanks", status_code=200, sync_to_thread=True)
    def thank(self, give_id: PathId, data: JSONBody[Thank], goodwill: App,
              actor: Actor) -> CommandAnswer:
        return run(goodwill.thank, actor, data, give_id=give_id)

    @post("/{give_id:uuid}/dispute", status_code=200, sync_to_thread=True)
    def dispute(self, give_id: PathId, data: JSONBody[Dispute], goodwill: App,
                actor: Actor) -> CommandAnswer:
        return run(goodwill.dispute, actor, data, give_id=give_id)

    @post("/{give_id:uuid}/retract", status_code=200, sync_to_thread=True)
    def retract(self, give_id: PathId, data: JSONBody[Retract], goodwill: App,
                actor: Actor) -> CommandAnswer:
        return run(goodwill.retract, actor, data, give_id=give_id)

    @post("/{give_id:uuid}/outcome", status_code=200, sync_to_thread=True)
    def record_outcome(self, give_id: PathId, data: JSONBody[ReferralOutcome], goodwill: App,
                       actor: Actor) -> CommandAnswer:
        """What came of a referral; ``value`` is a decimal string, only for one that was won."""
        value = None if data.value is None else Decimal(data.value)
        return answer(goodwill.record_outcome(actor, data.command_id, give_id, data.outcome,
                                              value, data.currency))
