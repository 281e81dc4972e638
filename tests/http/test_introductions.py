"""An introduction vouches for two people, so only someone connected with both may make it,
and what it says stays between the three of them."""

from __future__ import annotations


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
