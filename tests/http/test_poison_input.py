"""The two requests that once recorded an event no read model could apply, stopping every
projection on every event: now each is refused as it arrives, and the read side goes on."""

from __future__ import annotations

import json

import pytest

from tests.http.api import PROBLEM

POISON = [
    ("/gives", lambda s: {"conference_id": s.event_id, "giver": s.people["Bob"],
                          "receiver": s.people["Alice"], "kind": "advice",
                          "happened_at": "0001-01-01T00:00:00+14:00"},
     "happened_at must be a time from 2000 to 2199."),
    ("/events/{event}/attendees/me/profile", lambda s: {"profile": {"name": "Bob\u0000"}},
     "profile.name must not contain control characters (it has U+0000)."),
    ("/notes", lambda s: {"conference_id": s.event_id, "about": s.people["Alice"],
                          "kind": "need", "text": "a designer \u001b[2J"},
     "text must not contain control characters (it has U+001B)."),
    ("/promises", lambda s: {"conference_id": s.event_id, "promisee": s.people["Alice"],
                             "what": "Send the deck", "due_on": "9999-12-31"},
     "due_on must be a day from 2000 to 2199."),
]


@pytest.mark.parametrize("path, body, words", POISON, ids=[p[2][:24] for p in POISON])
def test_a_value_no_store_can_keep_is_refused_and_the_read_models_go_on(summit, path, body,
                                                                         words):
    api, bob, alice = summit.api, summit.people["Bob"], summit.people["Alice"]
    api.headers(alice)  # signed in before the give, whose position the read waits for
    refused = api.post(bob, path.format(event=summit.event_id), **body(summit))
    assert (refused.status_code, refused.headers["content-type"]) == (422, PROBLEM)
    assert refused.json()["detail"].endswith(words)

    api.do(bob, "/gives", conference_id=summit.event_id, giver=bob, receiver=alice,
           kind="advice", note="After the refusal")
    assert "After the refusal" in json.dumps(api.read(alice, "/me/timeline")["entries"])
    assert all(s.lag == 0 for s in api.system.runner.status())
    assert api.client.get("/readyz").status_code == 200
