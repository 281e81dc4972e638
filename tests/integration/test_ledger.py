"""The ledger read model on both stores: per pair of people, confirmed and unconfirmed gives."""

import uuid

from goodwill.projections.ledger import balances, pair_ledger
from tests.integration.queries import at, read, second_event


def give(system, scenario, actor, giver, receiver, conference_id=None, hour=10):
    return system.app.give(actor.person_id, uuid.uuid4(),
                           conference_id or scenario.conference_id, giver.person_id,
                           receiver.person_id, "advice", "", at(hour)).result["give_id"]


def test_only_thanks_confirm_and_retracted_gives_never_count(system, scenario):
    alice, bob, cat = (scenario[n] for n in ("Alice Archer", "Bob Baker", "Cat Cole"))
    thanked, also_thanked, _pending, disputed, retracted = (
        give(system, scenario, alice, alice, bob, hour=h) for h in range(9, 14))
    for give_id in (thanked, also_thanked):
        system.app.thank(bob.person_id, uuid.uuid4(), give_id)
    system.app.dispute(bob.person_id, uuid.uuid4(), disputed, "Not that I recall")
    system.app.retract(alice.person_id, uuid.uuid4(), retracted, "Wrong person")
    give(system, scenario, alice, bob, alice, hour=14)  # recorded by its receiver: confirmed
    ledger = read(system, pair_ledger, alice.person_id, bob.person_id)
    assert ledger["given"] == {"confirmed": 2, "unconfirmed": 2}
    assert ledger["received"] == {"confirmed": 1, "unconfirmed": 0}
    assert ledger["balance"] == 1
    assert [(g["direction"], g["status"]) for g in ledger["gives"]] == [
        ("received", "thanked"), ("given", "disputed"), ("given", "pending"),
        ("given", "thanked"), ("given", "thanked")]
    assert retracted not in {uuid.UUID(g["give_id"]) for g in ledger["gives"]}
    mirror = read(system, pair_ledger, bob.person_id, alice.person_id)
    assert mirror["received"] == {"confirmed": 2, "unconfirmed": 2} and mirror["balance"] == -1
    assert read(system, pair_ledger, alice.person_id, cat.person_id)["gives"] == []


def test_balances_list_every_counterpart_with_its_sign(system, scenario):
    alice, bob, cat = (scenario[n] for n in ("Alice Archer", "Bob Baker", "Cat Cole"))
    give(system, scenario, bob, alice, bob)
    for hour in (9, 10):
        give(system, scenario, alice, cat, alice, hour=hour)
    give(system, scenario, cat, alice, cat)
    rows = {r["other_id"]: r for r in read(system, balances, alice.person_id)}
    assert rows[str(bob.person_id)] == {
        "other_id": str(bob.person_id), "given_confirmed": 1, "given_unconfirmed": 0,
        "received_confirmed": 0, "received_unconfirmed": 0, "balance": 1}
    assert {k: rows[str(cat.person_id)][k] for k in ("given_confirmed", "received_confirmed",
                                                     "balance")} == {
        "given_confirmed": 1, "received_confirmed": 2, "balance": -1}
    assert set(rows) == {str(bob.person_id), str(cat.person_id)}


def test_a_ledger_spans_every_event_the_two_attended(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    camp = second_event(scenario, "Alice Archer", "Bob Baker")
    give(system, scenario, bob, alice, bob)
    give(system, scenario, bob, alice, bob, conference_id=camp)
    ledger = read(system, pair_ledger, alice.person_id, bob.person_id)
    assert ledger["given"]["confirmed"] == 2
    assert {g["conference_id"] for g in ledger["gives"]} == {
        str(scenario.conference_id), str(camp)}
