"""An introduction vouches for two people, so only someone connected with both may make it,
and what it says stays between the three of them."""

from __future__ import annotations

import json


def test_only_someone_connected_with_both_introduces_them(summit):
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    body = dict(conference_id=event, person_a=bob, person_b=carol, why="Both build kilns")
    for _ in ("strangers", "one met"):
        refused = api.post(alice, "/introductions", **body)
        assert refused.status_code == 422, refused.text
        assert "only people you are connected with" in refused.json()["detail"]
        api.meet(alice, bob, event)
    api.meet(alice, carol, event)
    assert api.do(alice, "/introductions", **body)["introduction_id"]
    gives = [e for e in api.read(bob, "/me/timeline")["entries"] if e["kind"] == "received"]
    assert len(gives) == 1 and gives[0]["detail"]["kind"] == "introduction"


def test_the_reason_never_reaches_the_organizer_even_when_all_three_share(summit):
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    for person in (alice, bob, carol):
        api.do(person, f"/events/{event}/attendees/me/consent",
               consent={"listed_in_directory": True, "shared_with_organizer": True})
    api.introduce(alice, event, person_a=bob, person_b=carol, why="REASON-OF-THE-THREE")
    api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice, kind="advice",
           note="A NOTE THEY SHARE")
    exported = api.client.get(f"/api/v1/events/{event}/exports/timelines.ndjson",
                              headers=api.headers(summit.organizer),
                              params={"after": api.position})
    assert exported.status_code == 200
    assert "A NOTE THEY SHARE" in exported.text, "other texts between people who share stay"
    assert "REASON-OF-THE-THREE" not in exported.text
    kinds = {line["kind"] for line in map(json.loads, exported.text.splitlines())}
    assert {"introduced", "was_introduced", "gave", "received"} <= kinds
    mine = [e for e in api.read(bob, "/me/timeline")["entries"] if e["kind"] == "was_introduced"]
    assert mine[0]["detail"]["why"] == "REASON-OF-THE-THREE", "the three still see it"


def test_the_introducers_gives_are_confirmed_when_both_accept_and_only_then(summit):
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    made = api.introduce(alice, event, person_a=bob, person_b=carol, why="Both build kilns")
    intro, to_bob = made["introduction_id"], made["give_ids"][0]

    def confirmed(other: str) -> dict[str, int]:
        return api.read(alice, f"/me/ledger/{other}")["given"]

    thanked = api.post(bob, f"/gives/{to_bob}/thanks", message="Thanks!")
    assert thanked.status_code == 422 and "accept it instead" in thanked.json()["detail"]
    assert api.do(bob, f"/introductions/{intro}/answer", accept=True)["connected"] is False
    assert confirmed(bob) == {"confirmed": 0, "unconfirmed": 1}, "one yes is not enough"
    assert api.do(carol, f"/introductions/{intro}/answer", accept=True)["connected"] is True
    assert confirmed(bob) == confirmed(carol) == {"confirmed": 1, "unconfirmed": 0}
    kinds = {e["kind"] for e in api.read(alice, "/me/timeline")["entries"]}
    assert {"introduction_connected", "thanked_me"} <= kinds
    assert api.read(carol, "/me/follow-ups")["thanks_to_send"] == []


def test_a_declined_introduction_tells_the_introducer_not_now_and_confirms_nothing(summit):
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    intro = api.introduce(alice, event, person_a=bob, person_b=carol, why="Kilns")
    api.do(bob, f"/introductions/{intro['introduction_id']}/answer", accept=True)
    api.do(carol, f"/introductions/{intro['introduction_id']}/answer", accept=False)
    told = [e for e in api.read(alice, "/me/timeline")["entries"]
            if e["kind"].startswith("introduction_")]
    assert [(e["kind"], e["other_person_id"], e["detail"]) for e in told] == [
        ("introduction_not_now", None, {})], "not who declined, nor who accepted"
    for other in (bob, carol):
        assert api.read(alice, f"/me/ledger/{other}")["given"]["confirmed"] == 0
    assert api.get(carol, f"/me/contacts/{bob}").status_code == 404, "never connected"
