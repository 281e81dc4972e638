"""Gives and the receiver's answers to them."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from msgspec import Meta

from goodwill.domain.give import KINDS, NEXT_OUTCOMES
from goodwill.http.schemas.common import Command, Happened, Reason, Text

Kind = Literal[KINDS]  # type: ignore[valid-type]
REPORTED = tuple(sorted(set().union(*NEXT_OUTCOMES.values())))
"""The outcomes a receiver can report; ``new`` is where every referral starts."""
Reported = Literal[REPORTED]  # type: ignore[valid-type]
AMOUNT = r"^\d{1,12}(\.\d{1,2})?$"
Amount = Annotated[str, Meta(max_length=16, pattern=AMOUNT)]
"""Money as a decimal string ("1500.00"): exact, unlike a JSON number."""
CURRENCY = r"^([A-Z]{3})?$"
Currency = Annotated[str, Meta(pattern=CURRENCY)]


class Give(Happened, kw_only=True):
    giver: UUID
    receiver: UUID
    kind: Kind
    note: Text = ""


class Thank(Command):
    message: Text = ""


class Dispute(Command):
    reason: Reason


class Retract(Command):
    reason: Reason


class ReferralOutcome(Command):
    outcome: Reported
    value: Amount | None = None
    currency: Currency = ""
