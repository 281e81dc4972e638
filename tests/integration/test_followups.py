"""The follow-up read model on both stores: what a person owes and should answer."""

import uuid
from datetime import date

from goodwill.projections.followups import follow_ups
from tests.integration.queries import at, introduce, read, scan_badge, second_event

TODAY = date(2026, 12, 1)


def ids(rows, column):
    return [r[column] for r in rows]


def give(system, scenario, actor, giver, receiver, hour=10):
    return system.app.give(actor.person_id, uuid.uuid4(), scenario.conference_id,
                           giver.person_id, receiver.person_id, "advice", "",
                           at(hour)).result["give_id"]


def test_promises_are_overdue_before_today_and_due_within_seven_days(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    due = (date(2026, 11, 28), date(2026, 11, 30), TODAY, date(2026, 12, 8), date(2026, 12, 9))
    kept, *_ = (system.app.promise(alice.person_id, uuid.uuid4(), scenario.conference_id,
                                   bob.person_id, "Send the deck", day).result["promise_id"]
                for day in due)
    system.app.keep_promise(alice.person_id, uuid.uuid4(), kept)
    lists = read(system, follow_ups, alice.person_id, TODAY)
    assert ids(lists["overdue_promises"], "due_on") == ["2026-11-30"]
    assert ids(lists["due_promises"], "due_on") == ["2026-12-01", "2026-12-08"]
    assert lists["due_promises"][0]["other_id"] == str(bob.person_id)
    assert read(system, follow_ups, bob.person_id, TODAY)["due_promises"] == []


def test_thanks_to_send_are_pending_gives_i_received(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    pending, thanked, disputed, retracted = (give(system, scenario, bob, bob, alice, h)
                                             for h in (9, 10, 11, 12))
    system.app.thank(alice.person_id, uuid.uuid4(), thanked)
    system.app.dispute(alice.person_id, uuid.uuid4(), disputed, "No")
    system.app.retract(bob.person_id, uuid.uuid4(), retracted, "Oops")
    thanks = read(system, follow_ups, alice.person_id, TODAY)["thanks_to_send"]
    assert [(uuid.UUID(r["give_id"]), r["other_id"], r["kind"]) for r in thanks] == [
        (pending, str(bob.person_id), "advice")]


def test_not_helped_back_lists_confirmed_givers_i_have_given_nothing(system, scenario):
    alice, bob, cat, dan = (scenario[n] for n in ("Alice Archer", "Bob Baker", "Cat Cole",
                                                  "Dan Dunn"))
    for giver in (bob, cat):
        give(system, scenario, alice, giver, alice)  # recorded by alice: confirmed
    give(system, scenario, dan, dan, alice)  # not thanked yet
    give(system, scenario, alice, alice, bob)
    taken_back = give(system, scenario, alice, alice, cat)
    system.app.retract(alice.person_id, uuid.uuid4(), taken_back, "Wrong person")
    owed = read(system, follow_ups, alice.person_id, TODAY)["not_helped_back"]
    assert [(r["other_id"], r["gives"]) for r in owed] == [(str(cat.person_id), 1)]


def test_people_met_and_not_followed_up_since(system, scenario):
    alice, bob, cat, dan, eve = (scenario[n] for n in (
        "Alice Archer", "Bob Baker", "Cat Cole", "Dan Dunn", "Eve East"))
    for other in (bob, cat, dan, eve):
        system.app.connect_by_badge(alice.person_id, uuid.uuid4(), other.connect_code, at(9))
    give(system, scenario, alice, alice, bob, hour=10)
    system.app.note(alice.person_id, uuid.uuid4(), scenario.conference_id, cat.person_id,
                    "need", "Hiring")
    system.app.promise(alice.person_id, uuid.uuid4(), scenario.conference_id, dan.person_id,
                       "Intro to a designer", TODAY)
    mine = read(system, follow_ups, alice.person_id, TODAY)["met_without_follow_up"]
    assert ids(mine, "other_id") == [str(eve.person_id)]
    theirs = {p.person_id: ids(read(system, follow_ups, p.person_id, TODAY)
                               ["met_without_follow_up"], "other_id") for p in (bob, dan, eve)}
    assert theirs == {bob.person_id: [], dan.person_id: [],
                      eve.person_id: [str(alice.person_id)]}, "a give or a promise either way"


def test_meeting_again_asks_for_a_new_follow_up_at_that_event(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    system.app.connect_by_badge(alice.person_id, uuid.uuid4(), bob.connect_code, at(9))
    give(system, scenario, alice, alice, bob, hour=10)
    camp = second_event(scenario, "Alice Archer", "Bob Baker")
    scan_badge(system.app, alice.person_id, bob.person_id, camp, at(11))
    assert ids(read(system, follow_ups, alice.person_id, TODAY, camp)["met_without_follow_up"],
               "conference_id") == [str(camp)]
    assert read(system, follow_ups, alice.person_id, TODAY,
                scenario.conference_id)["met_without_follow_up"] == []


def test_introductions_wait_for_each_persons_own_answer(system, scenario):
    ann, bob, cat = (scenario[n] for n in ("Ann Ash", "Bob Baker", "Cat Cole"))
    intro = introduce(system.app, ann.person_id, scenario.conference_id, bob.person_id,
                      cat.person_id, "Both build drones", at(11)).result["introduction_id"]
    system.app.answer_introduction(bob.person_id, uuid.uuid4(), intro, False)
    assert read(system, follow_ups, bob.person_id, TODAY)["introductions_to_answer"] == []
    waiting = read(system, follow_ups, cat.person_id, TODAY)["introductions_to_answer"]
    assert [(r["other_id"], r["introducer_id"], r["why"]) for r in waiting] == [
        (str(bob.person_id), str(ann.person_id), "Both build drones")]
