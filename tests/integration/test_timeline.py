"""The timeline read model on both stores: one entry per person per fact, newest first."""

import uuid
from datetime import date
from decimal import Decimal

from goodwill.domain.connection import Connection
from goodwill.projections.engine.base import iso
from goodwill.projections.timeline import Timeline, timeline
from tests.integration.queries import at, introduce, read, scan_badge, second_event


def kinds(rows):
    return [r["kind"] for r in rows]


def facts(rows):
    return {(r["kind"], r["other_person_id"]) for r in rows}


def test_a_fact_between_two_people_shows_on_both_timelines_mirrored(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    system.app.connect_by_badge(alice.person_id, uuid.uuid4(), bob.connect_code, at(9))
    give_id = system.app.give(alice.person_id, uuid.uuid4(), scenario.conference_id,
                              alice.person_id, bob.person_id, "advice", "Try the quiet room",
                              at(10)).result["give_id"]
    system.app.thank(bob.person_id, uuid.uuid4(), give_id, "That helped")
    mine, theirs = (read(system, timeline, p.person_id) for p in (alice, bob))
    assert kinds(mine) == ["thanked_me", "gave", "connected"]
    assert kinds(theirs) == ["thanked_by_me", "received", "connected"]
    assert {(r["other_person_id"], r["other_name"]) for r in mine} == {
        (str(bob.person_id), "Bob Baker")}
    assert mine[1]["at"] == iso(at(10)) and mine[1]["detail"]["note"] == "Try the quiet room"


def test_what_became_of_a_give_shows_on_both_timelines(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    advice, referral = (system.app.give(
        alice.person_id, uuid.uuid4(), scenario.conference_id, alice.person_id, bob.person_id,
        kind, "", at(10)).result["give_id"] for kind in ("advice", "referral"))
    system.app.dispute(bob.person_id, uuid.uuid4(), advice, "Never happened")
    system.app.retract(alice.person_id, uuid.uuid4(), advice, "Mixed you up")
    system.app.record_outcome(bob.person_id, uuid.uuid4(), referral, "won", Decimal("1200"), "EUR")
    mine, theirs = (read(system, timeline, p.person_id) for p in (alice, bob))
    assert kinds(mine)[:3] == ["referral_outcome", "retracted", "disputed_me"]
    assert kinds(theirs)[:3] == ["referral_outcome", "retracted", "disputed_by_me"]
    assert mine[0]["detail"] == {"outcome": "won", "value": "1200", "currency": "EUR"}


def test_a_listening_note_shows_only_on_its_authors_timeline(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    note_id = system.app.note(alice.person_id, uuid.uuid4(), scenario.conference_id,
                              bob.person_id, "need", "Looking for a co-founder").result["note_id"]
    assert [r["detail"] for r in read(system, timeline, alice.person_id)] == [
        {"kind": "need", "text": "Looking for a co-founder"}]
    assert read(system, timeline, bob.person_id) == []
    system.app.revise_note(alice.person_id, uuid.uuid4(), note_id, "goal", "Raise a seed round")
    assert read(system, timeline, alice.person_id)[0]["detail"]["text"] == "Raise a seed round"
    system.app.remove_note(alice.person_id, uuid.uuid4(), note_id)
    assert read(system, timeline, alice.person_id) == []


def test_check_ins_show_on_the_ticket_holders_timeline(system, scenario):
    alice = scenario["Alice Archer"]
    for scan, moment in ((system.app.check_in, at(9)), (system.app.check_out, at(12))):
        scan(scenario.organizer, uuid.uuid4(), scenario.conference_id, alice.ticket_code,
             "workshop", "door-2", moment)
    rows = read(system, timeline, alice.person_id)
    assert [(r["kind"], r["at"], r["detail"]["list_name"], r["detail"]["device"])
            for r in rows] == [("checked_out", iso(at(12)), "Workshop room", "door-2"),
                               ("checked_in", iso(at(9)), "Workshop room", "door-2")]
    assert read(system, timeline, scenario.organizer) == []


def test_an_introduction_is_told_to_the_introducer_and_each_of_the_two(system, scenario):
    """Each of the two sees their own answer; the introducer only how it ended, and the
    gives confirmed once both accepted."""
    ann, bob, cat = (scenario[n] for n in ("Ann Ash", "Bob Baker", "Cat Cole"))
    intro = introduce(system.app, ann.person_id, scenario.conference_id, bob.person_id,
                      cat.person_id, "Both build drones", at(11)).result["introduction_id"]
    for person in (bob, cat):
        system.app.answer_introduction(person.person_id, uuid.uuid4(), intro, True)
    a, b, c = (str(p.person_id) for p in (ann, bob, cat))
    assert facts(read(system, timeline, ann.person_id)) == {
        ("connected", b), ("connected", c), ("introduced", None), ("gave", b), ("gave", c),
        ("introduction_connected", None), ("thanked_me", b), ("thanked_me", c)}
    assert facts(read(system, timeline, cat.person_id)) == {
        ("connected", a), ("was_introduced", b), ("received", a), ("introduction_answered", a),
        ("thanked_by_me", a), ("connected", b)}


def test_a_declined_introduction_tells_the_introducer_not_now_and_nothing_more(system,
                                                                               scenario):
    ann, bob, cat = (scenario[n] for n in ("Ann Ash", "Bob Baker", "Cat Cole"))
    intro = introduce(system.app, ann.person_id, scenario.conference_id, bob.person_id,
                      cat.person_id, "Both build drones", at(11)).result["introduction_id"]
    system.app.answer_introduction(cat.person_id, uuid.uuid4(), intro, False)
    system.app.answer_introduction(bob.person_id, uuid.uuid4(), intro, True)
    b, c = (str(p.person_id) for p in (bob, cat))
    anns = read(system, timeline, ann.person_id)
    assert facts(anns) == {("connected", b), ("connected", c), ("introduced", None),
                           ("gave", b), ("gave", c), ("introduction_not_now", None)}
    assert [r["detail"] for r in anns if r["kind"] == "introduction_not_now"] == [{}]
    assert ("introduction_answered", None) not in facts(read(system, timeline, bob.person_id))


def test_a_promise_and_what_became_of_it_show_on_both_timelines(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    promise_id = system.app.promise(alice.person_id, uuid.uuid4(), scenario.conference_id,
                                    bob.person_id, "Send the deck",
                                    date(2026, 12, 1)).result["promise_id"]
    system.app.reschedule_promise(alice.person_id, uuid.uuid4(), promise_id, date(2026, 12, 4))
    system.app.keep_promise(alice.person_id, uuid.uuid4(), promise_id)
    mine, theirs = (read(system, timeline, p.person_id) for p in (alice, bob))
    assert kinds(mine) == ["promise_kept", "promise_rescheduled", "promised"]
    assert kinds(theirs) == ["promise_kept", "promise_rescheduled", "was_promised"]
    assert theirs[1]["detail"] == {"due_on": "2026-12-04"}


def test_meeting_again_at_another_event_shows_under_that_event(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    system.app.connect_by_badge(alice.person_id, uuid.uuid4(), bob.connect_code, at(9))
    camp = second_event(scenario, "Alice Archer", "Bob Baker")
    scan_badge(system.app, alice.person_id, bob.person_id, camp, at(10))
    assert kinds(read(system, timeline, bob.person_id)) == ["met_again", "connected"]
    assert [(r["kind"], r["other_name"]) for r in read(
        system, timeline, bob.person_id, conference_id=camp)] == [("met_again", "Alice Archer")]


def test_pages_follow_the_cursor_without_gaps_or_repeats(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    for minute in (0, 10, 10, 10, 20):  # three at the same moment: the cursor must split them
        system.app.give(alice.person_id, uuid.uuid4(), scenario.conference_id, alice.person_id,
                        bob.person_id, "insight", f"Tip at {minute}", at(9, minute))
    everything = read(system, timeline, alice.person_id)
    pages, before = [], None
    while page := read(system, timeline, alice.person_id, before=before, limit=2):
        pages.append(page)
        before = page[-1]["cursor"]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [r["entry_id"] for p in pages for r in p] == [r["entry_id"] for r in everything]
    assert [r["at"] for r in everything] == sorted((r["at"] for r in everything), reverse=True)


def test_applying_an_event_again_adds_no_second_entry(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    system.app.connect_by_badge(alice.person_id, uuid.uuid4(), bob.connect_code, at(9))
    system.runner.catch_up()
    made = next(e for e in map(system.app.mapper.to_domain_event,
                               system.app.recorder.select_notifications(start=1, limit=1000))
                if isinstance(e, Connection.Made))
    projection = next(p for p in system.runner.projections if isinstance(p, Timeline))
    with system.writer.transaction() as tx:
        projection.apply(made, tx)
    assert kinds(read(system, timeline, alice.person_id)) == ["connected"]
