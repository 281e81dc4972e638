"""The dashboard figures on both stores: each metric counted per UTC hour of its event."""

import uuid

from goodwill.projections.checkins import counts, inside_now
from goodwill.projections.figures import confirmed, figures
from tests.integration.queries import at, read, scan_badge, second_event


def test_check_ins_and_outs_are_counted_per_hour_and_list_and_first_ones_are_arrivals(
        system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    for command, guest, list_key, moment in (
            ("check_in", alice, "main", at(9, 10)), ("check_in", bob, "main", at(9, 50)),
            ("check_out", alice, "main", at(10, 5)), ("check_in", alice, "workshop", at(10, 7))):
        getattr(system.app, command)(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                     guest.ticket_code, list_key, "door-1", moment)
    assert read(system, figures, scenario.conference_id) == {
        "hours": [{"hour": "2026-11-25T09:00Z", "metric": "arrival", "value": 2},
                  {"hour": "2026-11-25T09:00Z", "metric": "check_in:main", "value": 2},
                  {"hour": "2026-11-25T10:00Z", "metric": "check_in:workshop", "value": 1},
                  {"hour": "2026-11-25T10:00Z", "metric": "check_out:main", "value": 1}],
        "totals": {"arrival": 2, "check_in:main": 2, "check_in:workshop": 1,
                   "check_out:main": 1}}
    assert read(system, inside_now, scenario.conference_id) == 2


def test_connections_gives_introductions_and_thanks_are_counted_for_their_event(system, scenario):
    ann, bob, cat = (scenario[n] for n in ("Ann Ash", "Bob Baker", "Cat Cole"))
    for other in (bob, cat):
        system.app.connect_by_badge(ann.person_id, uuid.uuid4(), other.connect_code, at(9))
    system.app.introduce(ann.person_id, uuid.uuid4(), scenario.conference_id, bob.person_id,
                         cat.person_id, "Both build drones", at(11))
    advice = system.app.give(ann.person_id, uuid.uuid4(), scenario.conference_id, ann.person_id,
                             bob.person_id, "advice", "", at(11)).result["give_id"]
    system.app.thank(bob.person_id, uuid.uuid4(), advice)
    system.app.give(bob.person_id, uuid.uuid4(), scenario.conference_id, ann.person_id,
                    bob.person_id, "resource", "", at(12))  # recorded by its receiver
    camp = second_event(scenario, "Ann Ash", "Bob Baker")
    scan_badge(system.app, ann.person_id, bob.person_id, camp, at(13))
    summit = read(system, figures, scenario.conference_id)
    assert summit["totals"] == {"connection": 2, "introduction": 1, "give:introduction": 2,
                                "give:advice": 1, "give:resource": 1, "thanked": 2, "thanks": 1}
    assert {"hour": "2026-11-25T11:00Z", "metric": "give:introduction",
            "value": 2} in summit["hours"]
    assert read(system, figures, camp) == {
        "hours": [{"hour": "2026-11-25T13:00Z", "metric": "connection", "value": 1}],
        "totals": {"connection": 1}}


def test_a_give_is_confirmed_while_its_receiver_stands_by_the_thanks(system, scenario):
    ann, bob = scenario["Ann Ash"], scenario["Bob Baker"]

    def give(recorded_by) -> str:
        return system.app.give(recorded_by.person_id, uuid.uuid4(), scenario.conference_id,
                               ann.person_id, bob.person_id, "advice", "", at(10)
                               ).result["give_id"]
    thanked, disputed, retracted, pending = (give(ann) for _ in range(4))
    for give_id in (thanked, disputed):
        system.app.thank(bob.person_id, uuid.uuid4(), give_id)
    system.app.dispute(bob.person_id, uuid.uuid4(), disputed, "It was not advice")
    system.app.retract(ann.person_id, uuid.uuid4(), retracted, "Wrong person")
    give(bob)  # recorded by its receiver: confirmed as it is recorded
    assert read(system, confirmed, scenario.conference_id) == {"gives": 5, "confirmed": 2,
                                                               "introduced": 0}
    totals = read(system, figures, scenario.conference_id)["totals"]
    assert (totals["thanked"], totals["thanks"]) == (3, 2), "the receiver's own record says none"


def test_an_introduction_accepted_confirms_its_gives_with_no_thank_you(system, scenario):
    ann, bob, cat = scenario["Ann Ash"], scenario["Bob Baker"], scenario["Cat Chen"]
    for other in (bob, cat):
        system.app.connect_by_badge(ann.person_id, uuid.uuid4(), other.connect_code, at(9))
    made = system.app.introduce(ann.person_id, uuid.uuid4(), scenario.conference_id,
                                bob.person_id, cat.person_id, "Both build drones", at(11))
    for who in (bob, cat):
        system.app.answer_introduction(who.person_id, uuid.uuid4(),
                                       made.result["introduction_id"], True)
    assert read(system, confirmed, scenario.conference_id) == {"gives": 2, "confirmed": 2,
                                                               "introduced": 2}
    totals = read(system, figures, scenario.conference_id)["totals"]
    assert totals["thanked"] == 2 and "thanks" not in totals


def test_a_rebuild_gives_the_same_numbers(system, scenario):
    """The dashboard's numbers come from the log alone: replayed from zero, they are equal."""
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    for command, guest, list_key, moment in (
            ("check_in", alice, "main", at(9)), ("check_out", alice, "main", at(12)),
            ("check_in", alice, "main", at(13)), ("check_in", bob, "workshop", at(14))):
        getattr(system.app, command)(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                     guest.ticket_code, list_key, "door-1", moment)
    system.app.connect_by_badge(alice.person_id, uuid.uuid4(), bob.connect_code, at(9, 30))
    advice = system.app.give(alice.person_id, uuid.uuid4(), scenario.conference_id,
                             alice.person_id, bob.person_id, "advice", "", at(11))
    system.app.thank(bob.person_id, uuid.uuid4(), advice.result["give_id"])
    queries = (figures, confirmed, counts, inside_now)
    before = [read(system, query, scenario.conference_id) for query in queries]
    system.runner.rebuild()
    assert [read(system, query, scenario.conference_id) for query in queries] == before
    assert before[0]["totals"]["arrival"] == 2 and before[1]["confirmed"] == 1
