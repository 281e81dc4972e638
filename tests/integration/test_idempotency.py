"""Commands carry client-generated ids: sending one again returns the first answer and
records nothing, also after a restart and also when the first answer was a refusal."""

import random
import uuid
from datetime import date

import pytest

from goodwill.bootstrap import bootstrap
from goodwill.domain.errors import ConflictError
from tests.integration.queries import scan_badge
from tests.integration.readmodels import dump, event_count
from tests.scenario import Scenario


def test_same_command_id_returns_the_first_result_and_records_nothing(system, scenario):
    alice, bob = scenario["Alice"], scenario["Bob"]
    command_id = uuid.uuid4()
    first = system.app.give(alice.person_id, command_id, scenario.conference_id,
                            alice.person_id, bob.person_id, "advice", "Try the quiet room")
    before = event_count(system)
    again = system.app.give(alice.person_id, command_id, scenario.conference_id,
                            alice.person_id, bob.person_id, "advice", "Try the quiet room")
    assert again.result == first.result and again.replayed
    assert event_count(system) == before


def test_replay_after_a_restart(settings):
    system = bootstrap(settings)
    scenario = Scenario(system.app)
    alice, bob = scenario["Alice"], scenario["Bob"]
    command_id = uuid.uuid4()
    first = system.app.connect_by_badge(alice.person_id, command_id, bob.connect_code)
    system.close()
    restarted = bootstrap(settings)
    try:
        before = event_count(restarted)
        again = restarted.app.connect_by_badge(alice.person_id, command_id, bob.connect_code)
        assert again.result == first.result and event_count(restarted) == before
    finally:
        restarted.close()


def test_a_refusal_is_replayed_as_a_refusal(system, scenario):
    """An offline device re-sending a refused scan hears the same refusal, even though the
    ticket has since left the hall and a fresh scan would now be admitted."""
    app, staff, alice = system.app, scenario.organizer, scenario["Alice"]
    scan = dict(conference_id=scenario.conference_id, ticket_code=alice.ticket_code,
                list_key="main")
    app.check_in(staff, uuid.uuid4(), device="door-1", **scan)
    refused_id = uuid.uuid4()
    with pytest.raises(ConflictError, match="Already checked in"):
        app.check_in(staff, refused_id, device="door-2", **scan)
    app.check_out(staff, uuid.uuid4(), device="door-1", **scan)
    with pytest.raises(ConflictError, match="by device door-1"):
        app.check_in(staff, refused_id, device="door-2", **scan)


def test_a_command_id_cannot_be_reused_for_another_command(system, scenario):
    alice, bob = scenario["Alice"], scenario["Bob"]
    command_id = uuid.uuid4()
    system.app.connect_by_badge(alice.person_id, command_id, bob.connect_code)
    with pytest.raises(ConflictError, match="different command"):
        system.app.note(alice.person_id, command_id, scenario.conference_id, bob.person_id,
                        "need", "A designer")


def test_a_thousand_commands_sent_twice_leave_the_same_state(system, scenario):
    people = [scenario[f"Guest {n}"].person_id for n in range(12)]
    rng, commands = random.Random(7), []
    for _ in range(1000):
        a, b = rng.sample(people, 2)
        kind = rng.choice(["connect", "give", "note", "promise"])
        commands.append((uuid.uuid4(), kind, a, b, rng.choice(["advice", "referral", "insight"])))

    def send(command_id, kind, a, b, give_kind):
        app, event = system.app, scenario.conference_id
        if kind == "connect":
            return scan_badge(app, a, b, event, command_id=command_id)
        if kind == "give":
            return app.give(a, command_id, event, a, b, give_kind, "Shared a contact")
        if kind == "note":
            return app.note(a, command_id, event, b, "goal", "Wants to speak at the next one")
        return app.promise(a, command_id, event, b, "Send the slides", date(2026, 12, 1))

    first = [send(*c).result for c in commands]
    system.runner.catch_up()
    events, read_models = event_count(system), dump(system)
    second = [send(*c) for c in commands]
    system.runner.catch_up()
    assert [o.result for o in second] == first and all(o.replayed for o in second)
    assert event_count(system) == events
    assert dump(system) == read_models
