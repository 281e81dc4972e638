"""An event a read model cannot apply — one recorded before the command boundary checked
every value, or met by a projection's bug — stops nothing: the other read models and this
one's later events go on, the failure is recorded, the server says it is not ready and
counts it in /metrics until an operator retries or skips it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from uuid import UUID

from prometheus_client.parser import text_string_to_metric_families

from goodwill.domain.give import Give
from goodwill.domain.personal import Personal
from goodwill.projections.engine import repair

YEAR_ONE = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))


def recorded_unchecked(summit) -> int:
    """Saved past the command path, as an older version of Goodwill did: a give in year 1."""
    bob, alice = UUID(summit.people["Bob"]), UUID(summit.people["Alice"])
    give = Give(giver=bob, receiver=alice, conference_id=UUID(summit.event_id), kind="advice",
                note=Personal(bob, "From the past"), recorded_by=bob, happened_at=YEAR_ONE)
    return summit.api.system.app.save(give)[-1].notification.id


def which(failures: list) -> list[tuple]:
    """A failure without its time, which a retry a second later moves on."""
    return [(f.projection, f.position, f.topic, f.error) for f in failures]


def failures_counted(client) -> float:
    scraped = text_string_to_metric_families(client.get("/metrics").text)
    family = next(f for f in scraped if f.name == "goodwill_projection_failures")
    return sum(sample.value for sample in family.samples)


def test_a_poison_event_is_recorded_and_passed_by_until_an_operator_skips_it(summit):
    api, bob, alice = summit.api, summit.people["Bob"], summit.people["Alice"]
    runner = api.system.runner
    poison = recorded_unchecked(summit)
    api.do(bob, "/gives", conference_id=summit.event_id, giver=bob, receiver=alice,
           kind="advice", note="After the poison")

    assert "After the poison" in json.dumps(api.read(alice, "/me/timeline")["entries"])
    runner.catch_up()
    assert all(s.position == s.head for s in runner.status())
    failed = repair.listed(runner)
    assert {f.position for f in failed} == {poison}
    assert {"timeline", "ledger"} <= {f.projection for f in failed}
    assert all("date value out of range" in f.error for f in failed)
    ready = api.client.get("/readyz")
    assert (ready.status_code, ready.json()["ready"]) == (503, False)
    assert {f["position"] for f in ready.json()["failures"]} == {poison}
    assert failures_counted(api.client) == len(failed)

    assert which(repair.retry(runner)) == which(failed)  # nothing is fixed yet: fail again
    assert which(repair.skip(runner, poison)) == which(failed)
    assert api.client.get("/readyz").status_code == 200
    assert failures_counted(api.client) == 0


def test_failures_from_a_broken_read_model_are_retried_once_it_is_mended(summit):
    api, bob, alice = summit.api, summit.people["Bob"], summit.people["Alice"]
    runner = api.system.runner
    ledger = next(p for p in runner.projections if p.name == "ledger")
    with runner.writer.transaction() as tx:
        ledger.drop(tx)  # an operator's slip: the ledger's table is gone
    api.do(bob, "/gives", conference_id=summit.event_id, giver=bob, receiver=alice,
           kind="advice", note="While the ledger was gone")
    runner.catch_up()
    assert {f.projection for f in repair.listed(runner)} == {"ledger"}
    assert "While the ledger was gone" in json.dumps(api.read(alice, "/me/timeline")["entries"])

    with runner.writer.transaction() as tx:
        ledger.create(tx)
    assert repair.retry(runner) == []
    assert api.read(alice, f"/me/ledger/{bob}")["received"] == {"confirmed": 0, "unconfirmed": 1}
    assert api.client.get("/readyz").status_code == 200
