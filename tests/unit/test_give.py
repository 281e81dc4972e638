import uuid
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.give import Give
from tests.unit.story import given, then

GIVER, RECEIVER, OTHER = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
NOW = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)


def give(kind="advice", recorded_by=GIVER) -> Give:
    return given(Give(giver=GIVER, receiver=RECEIVER, conference_id=uuid.uuid4(), kind=kind,
                      note="Talk to the venue about WiFi", recorded_by=recorded_by,
                      happened_at=NOW))


def test_a_claimed_give_is_unconfirmed_until_the_receiver_thanks():
    g = give()
    assert not g.confirmed
    g.thank(RECEIVER, "That saved my talk")
    assert then(g) == ["Thanked"]
    assert g.confirmed


def test_a_give_recorded_by_its_receiver_is_confirmed():
    assert give(recorded_by=RECEIVER).confirmed


def test_only_the_receiver_answers_and_only_once():
    g = give()
    with pytest.raises(NotAllowedError):
        g.thank(OTHER, "")
    g.thank(RECEIVER, "")
    with pytest.raises(ConflictError, match="already thanked"):
        g.thank(RECEIVER, "")


def test_dispute_then_change_of_mind():
    g = give()
    g.dispute(RECEIVER, "Never happened")
    g.thank(RECEIVER, "Sorry, I remember now")
    assert then(g) == ["Disputed", "Thanked"]


def test_retracted_gives_cannot_be_answered_or_retracted_again():
    g = give()
    with pytest.raises(NotAllowedError):
        g.retract(RECEIVER, "")
    g.retract(GIVER, "Logged twice")
    assert not g.confirmed
    with pytest.raises(ConflictError):
        g.thank(RECEIVER, "")
    with pytest.raises(ConflictError):
        g.retract(GIVER, "")


def test_nobody_gives_to_themselves():
    with pytest.raises(DomainError):
        Give(giver=GIVER, receiver=GIVER, conference_id=uuid.uuid4(), kind="advice", note="",
             recorded_by=GIVER, happened_at=NOW)


def test_referral_outcome_moves_forward_only():
    g = give(kind="referral")
    g.record_outcome(RECEIVER, "contacted", None, "")
    g.record_outcome(RECEIVER, "won", Decimal("1200.00"), "EUR")
    assert then(g) == ["ReferralOutcomeRecorded", "ReferralOutcomeRecorded"]
    with pytest.raises(ConflictError, match="won cannot become lost"):
        g.record_outcome(RECEIVER, "lost", None, "")


@pytest.mark.parametrize("kind, outcome, value, match", [
    ("advice", "won", None, "Only a referral"),
    ("referral", "contacted", Decimal("5"), "only be given for a referral that was won"),
])
def test_outcome_refusals(kind, outcome, value, match):
    with pytest.raises(DomainError, match=match):
        give(kind=kind).record_outcome(RECEIVER, outcome, value, "EUR")
