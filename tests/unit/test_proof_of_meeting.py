"""The rules of meeting as the aggregates keep them: a request only its receiver answers, a
sender's limit per event, and connections from before requests that wait for the other side."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest

from goodwill.domain.connection import Connection
from goodwill.domain.connection_request import (ACCEPTED, BLOCKED, DECLINED, PENDING,
                                                REQUESTS_PER_EVENT, ConnectionRequest,
                                                RequestsSent, request_id)
from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.ids import pair_id
from tests.unit.story import given, then

A, B = uuid.uuid4(), uuid.uuid4()
EVENT, LATER_EVENT = uuid.uuid4(), uuid.uuid4()
NOW = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)


def request() -> ConnectionRequest:
    return given(ConnectionRequest(sender=A, receiver=B, conference_id=EVENT, happened_at=NOW,
                                   id=request_id(A, B)))


def test_one_request_per_ordered_pair():
    assert request_id(A, B) == request_id(A, B) != request_id(B, A)


def test_nobody_asks_themselves():
    with pytest.raises(DomainError, match="yourself"):
        ConnectionRequest(sender=A, receiver=A, conference_id=EVENT, happened_at=NOW,
                          id=request_id(A, A))


def test_only_the_receiver_answers_a_request_and_only_once():
    asked = request()
    with pytest.raises(NotAllowedError):
        asked.answer(A, accept=True)
    with pytest.raises(DomainError, match="not both"):
        asked.answer(B, accept=True, block=True)
    asked.answer(B, accept=True)
    assert asked.state == ACCEPTED and then(asked) == ["Answered"]
    with pytest.raises(ConflictError):
        asked.answer(B, accept=False)


def test_a_declined_request_may_be_sent_again_a_blocked_or_pending_one_not():
    asked = request()
    assert asked.send_again(EVENT, NOW) is False and then(asked) == []
    asked.answer(B, accept=False)
    assert asked.state == DECLINED
    assert asked.send_again(LATER_EVENT, NOW) is True
    assert asked.state == PENDING and asked.conference_id == LATER_EVENT
    asked.answer(B, accept=False, block=True)
    assert asked.state == BLOCKED and asked.send_again(EVENT, NOW) is False
    assert then(asked) == ["Answered", "SentAgain", "Answered"]


def test_a_sender_has_a_limited_number_of_requests_per_event():
    sent = given(RequestsSent(sender=A, conference_id=EVENT, id=uuid.uuid4()))
    for _ in range(REQUESTS_PER_EVENT):
        sent.count_one()
    with pytest.raises(DomainError, match="scan badges instead"):
        sent.count_one()
    assert then(sent) == ["Counted"] * REQUESTS_PER_EVENT


def one_sided() -> Connection:
    """What an older version recorded on A's word alone."""
    return given(Connection(person_a=A, person_b=B, conference_id=EVENT, made_by=A,
                            method="manual", happened_at=NOW, id=pair_id(A, B)))


def test_a_connection_on_one_sides_word_waits_for_the_other():
    link = one_sided()
    assert not link.confirmed
    with pytest.raises(NotAllowedError):
        link.answer(A, True, EVENT, NOW)
    link.meet(LATER_EVENT, A, "manual", NOW)
    assert not link.confirmed and then(link) == ["MetAgain"], "their word again is no proof"
    link.answer(B, True, EVENT, NOW)
    assert link.confirmed and then(link) == ["Confirmed"]
    with pytest.raises(ConflictError):
        link.answer(B, False, EVENT, NOW)


def test_a_declined_one_sided_connection_is_still_confirmed_by_a_later_proof():
    link = one_sided()
    link.answer(B, False, EVENT, NOW)
    assert not link.confirmed and then(link) == ["Declined"]
    link.meet(EVENT, B, "badge", NOW)
    assert link.confirmed and then(link) == ["Confirmed"]
    link.meet(EVENT, A, "badge", NOW)
    assert then(link) == [], "once confirmed, meeting again at the same event changes nothing"
