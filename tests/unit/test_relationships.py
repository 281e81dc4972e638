"""Connections, introductions, listening notes and promises."""

import uuid
from datetime import date, datetime, timezone

import pytest

from goodwill.domain.connection import Connection
from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.ids import pair_id
from goodwill.domain.give import Give
from goodwill.domain.introduction import CONNECTED, NOT_NOW, Introduction
from goodwill.domain.note import ListeningNote
from goodwill.domain.promise import Promise
from tests.unit.story import given, then

A, B, C = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
EVENT, LATER_EVENT = uuid.uuid4(), uuid.uuid4()
NOW = datetime(2026, 11, 25, 10, tzinfo=timezone.utc)


def test_one_relationship_per_pair_whoever_scans():
    assert pair_id(A, B) == pair_id(B, A)


def test_meeting_again_is_recorded_only_at_another_event():
    link = given(Connection(person_a=A, person_b=B, conference_id=EVENT, made_by=A,
                            method="badge", happened_at=NOW, id=pair_id(A, B)))
    link.meet(EVENT, B, "badge", NOW)
    assert then(link) == []
    link.meet(LATER_EVENT, B, "manual", NOW)
    assert then(link) == ["MetAgain"]


def introduction() -> Introduction:
    return given(Introduction(introducer=A, person_a=B, person_b=C, conference_id=EVENT,
                              why="Both build accessible forms", happened_at=NOW))


def test_introduction_needs_both_to_accept():
    intro = introduction()
    intro.answer(B, True)
    assert not intro.accepted_by_both and intro.outcome is None
    intro.answer(C, True)
    assert intro.accepted_by_both and intro.outcome == CONNECTED
    assert then(intro) == ["Answered", "Answered", "Concluded"]


def test_introduction_answers_are_the_introduced_peoples_and_final():
    intro = introduction()
    with pytest.raises(NotAllowedError):
        intro.answer(A, True)
    intro.answer(B, False)
    with pytest.raises(ConflictError):
        intro.answer(B, True)
    assert not intro.accepted_by_both


def test_one_decline_ends_an_introduction_as_not_now_whoever_answers_after():
    intro = introduction()
    intro.answer(B, False)
    assert intro.outcome == NOT_NOW
    intro.answer(C, True)
    assert intro.outcome == NOT_NOW and then(intro) == ["Answered", "Concluded", "Answered"]


def test_an_introduction_give_is_confirmed_by_both_accepting_not_by_thanks():
    give = given(Give(giver=A, receiver=B, conference_id=EVENT, kind="introduction", note="",
                      recorded_by=A, happened_at=NOW, introduction_id=uuid.uuid4()))
    with pytest.raises(DomainError, match="accept it instead"):
        give.thank(B, "thanks")
    give.confirm_introduction("")
    give.confirm_introduction("")
    assert give.confirmed and then(give) == ["Thanked"]


def test_introduction_needs_three_people():
    with pytest.raises(DomainError):
        Introduction(introducer=A, person_a=A, person_b=B, conference_id=EVENT, why="",
                     happened_at=NOW)


def test_listening_notes_belong_to_their_author():
    note = given(ListeningNote(author=A, about=B, conference_id=EVENT, kind="need",
                               text="Needs a designer"))
    with pytest.raises(NotAllowedError):
        note.revise(B, "need", "edited by someone else")
    note.revise(A, "goal", "Wants to hire a designer by March")
    note.remove(A)
    assert then(note) == ["Revised", "Removed"]
    with pytest.raises(ConflictError):
        note.revise(A, "need", "")


def test_promise_is_kept_or_dropped_once_by_its_maker():
    promise = given(Promise(promiser=A, promisee=B, conference_id=EVENT, what="Send the deck",
                            due_on=date(2026, 11, 27)))
    with pytest.raises(NotAllowedError):
        promise.keep(B)
    promise.reschedule(A, date(2026, 11, 30))
    promise.keep(A)
    assert then(promise) == ["Rescheduled", "Kept"]
    with pytest.raises(ConflictError, match="already kept"):
        promise.drop(A, "")
