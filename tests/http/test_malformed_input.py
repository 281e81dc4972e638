"""Malformed input is answered 400 with problem+json that names the field and says, in
words, what is wrong with it; nothing malformed reaches the application."""

from __future__ import annotations

import uuid

from tests.http.api import PROBLEM

ME, SOME = str(uuid.uuid4()), str(uuid.uuid4())
EVENT = {"name": "Summit", "starts_on": "2026-11-25", "ends_on": "2026-11-26",
         "timezone": "Europe/Berlin"}
GIVE = {"conference_id": SOME, "giver": ME, "receiver": SOME, "kind": "advice"}
ATTENDEE = {"person_id": SOME, "profile": {"name": "Alice"}}
SCAN = {"conference_id": SOME, "ticket_code": "ABC", "list_key": "main", "device": "door-1"}

CASES = [  # path, valid body, change, field, words in the message
    ("/events", EVENT, {"name": 123}, "name", "must be text, not a whole number"),
    ("/events", EVENT, {"name": "x" * 121}, "name", "at most 120 characters"),
    ("/events", EVENT, {"name": ""}, "name", "must not be empty"),
    ("/gives", GIVE, {"note": "x" * 2001}, "note", "at most 2000 characters"),
    ("/gives", GIVE, {"kind": "bribe"}, "kind", "does not allow 'bribe'"),
    ("/notes", {"conference_id": SOME, "about": SOME, "kind": "need", "text": "t"},
     {"kind": "gossip"}, "kind", "does not allow 'gossip'"),
    (f"/gives/{SOME}/outcome", {"outcome": "won"}, {"outcome": "doubled"}, "outcome",
     "does not allow 'doubled'"),
    (f"/gives/{SOME}/outcome", {"outcome": "won"}, {"value": "12.345"}, "value", "expected format"),
    ("/events", EVENT, {"starts_on": None}, "starts_on", "must be a date"),
    ("/events", {k: v for k, v in EVENT.items() if k != "starts_on"}, {}, "starts_on",
     "is required"),
    ("/events", EVENT, {"colour": "red"}, "colour", "not a field this request accepts"),
    ("/events", EVENT, {"command_id": "nope"}, "command_id", "must be a UUID"),
    ("/gives", GIVE, {"receiver": "123"}, "receiver", "must be a UUID"),
    ("/events", EVENT, {"starts_on": "2026-02-30"}, "starts_on", "must be a date, like"),
    ("/promises", {"conference_id": SOME, "promisee": SOME, "what": "x", "due_on": "2026-12-01"},
     {"due_on": "tomorrow"}, "due_on", "must be a date, like"),
    ("/events", EVENT, {"timezone": "Mars/Olympus"}, "timezone",
     "time zone name, like Europe/Berlin"),
    ("/events", EVENT, {"timezone": 1}, "timezone", "must be text"),
    ("/events", EVENT, {"check_in_lists": {f"door-{i}": "Door" for i in range(21)}},
     "check_in_lists", "at most 20 entries"),
    (f"/events/{SOME}/check-in-lists", {"key": "main", "name": "Main"}, {"key": "Main Door"},
     "key", "expected format"),
    (f"/events/{SOME}/attendees", ATTENDEE, {"profile": {}}, "profile.name", "is required"),
    (f"/events/{SOME}/attendees", ATTENDEE, {"profile": {"name": "A", "shoe": 42}},
     "profile.shoe", "not a field"),
    (f"/events/{SOME}/attendees", ATTENDEE, {"lists": ["main"] * 21}, "lists", "at most 20"),
    ("/tickets/check-in", SCAN, {"scanned_at": "2026-11-25T09:00:00"}, "scanned_at", "offset"),
]


def test_a_malformed_body_names_the_field(api, subtests):
    me = api.headers(api.founding_organizer())
    for path, body, change, field, words in CASES:
        with subtests.test(msg=f"{path} {field}: {words}"):
            sent = {"command_id": str(uuid.uuid4()), **body, **change}
            answer = api.client.post(f"/api/v1{path}", json=sent, headers=me)
            problem = answer.json()
            assert (answer.status_code, answer.headers["content-type"]) == (400, PROBLEM)
            assert problem["errors"][0]["field"] == field
            assert words in problem["errors"][0]["message"]
            assert field in problem["detail"] and words in problem["detail"]


QUERIES = [("/events", {"after": "-1"}, "after"), ("/events", {"after": "soon"}, "after"),
           ("/events", {"after": "999999"}, "after"),
           (f"/events/{SOME}/directory", {"limit": "1000"}, "limit"),
           ("/me/timeline", {"before": "bm90LWEtY3Vyc29y"}, "before"),
           ("/me/follow-ups", {"today": "2026-13-01"}, "today")]


def test_a_malformed_query_names_the_parameter(api, subtests):
    me = api.headers(api.founding_organizer())
    for path, params, field in QUERIES:
        with subtests.test(msg=f"{path} {params}"):
            answer = api.client.get(f"/api/v1{path}", params=params, headers=me)
            assert (answer.status_code, answer.headers["content-type"]) == (400, PROBLEM)
            assert [e["field"] for e in answer.json()["errors"]] == [field]


def test_a_body_that_is_not_a_json_object_is_refused(api, subtests):
    me = api.headers(api.founding_organizer())
    for content in (b"{not json", b"[1, 2]", b""):
        with subtests.test(msg=repr(content)):
            answer = api.client.post("/api/v1/events", content=content, headers={
                **me, "content-type": "application/json"})
            assert (answer.status_code, answer.headers["content-type"]) == (400, PROBLEM)
            assert answer.json()["detail"]
