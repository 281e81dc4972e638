"""The dashboard figures on both stores: each metric counted per UTC hour of its event."""

import uuid

from goodwill.projections.figures import figures
from tests.integration.queries import at, read, second_event


def test_check_ins_and_outs_are_counted_per_hour_and_list(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    for command, guest, list_key, moment in (
            ("check_in", alice, "main", at(9, 10)), ("check_in", bob, "main", at(9, 50)),
            ("check_out", alice, "main", at(10, 5)), ("check_in", alice, "workshop", at(10, 7))):
        getattr(system.app, command)(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                     guest.ticket_code, list_key, "door-1", moment)
    assert read(system, figures, scenario.conference_id) == {
        "hours": [{"hour": "2026-11-25T09:00Z", "metric": "check_in:main", "value": 2},
                  {"hour": "2026-11-25T10:00Z", "metric": "check_in:workshop", "value": 1},
                  {"hour": "2026-11-25T10:00Z", "metric": "check_out:main", "value": 1}],
        "totals": {"check_in:main": 2, "check_in:workshop": 1, "check_out:main": 1}}


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
    system.app.connect(ann.person_id, uuid.uuid4(), camp, bob.person_id, at(13))
    summit = read(system, figures, scenario.conference_id)
    assert summit["totals"] == {"connection": 2, "introduction": 1, "give:introduction": 2,
                                "give:advice": 1, "give:resource": 1, "thanked": 2}
    assert {"hour": "2026-11-25T11:00Z", "metric": "give:introduction",
            "value": 2} in summit["hours"]
    assert read(system, figures, camp) == {
        "hours": [{"hour": "2026-11-25T13:00Z", "metric": "connection", "value": 1}],
        "totals": {"connection": 1}}
