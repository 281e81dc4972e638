"""Every route of the application, called by four intruders — nobody signed in, an attendee
of another event, the victim event's door staff, an organizer of another event — answers
as its rule says. A route without a rule fails here, so no route ships unguarded."""

from __future__ import annotations

import re
import uuid
from typing import Any

from litestar.routes import HTTPRoute

from goodwill.imports import jobs

from tests.http.route_rules import ALLOWED, PUBLIC, rules

INTRUDERS = ("anonymous", "outsider", "staff", "other_organizer")
SIGNED_IN_ONLY = {"signed_in"}
"""Routes on the caller's own data: only the anonymous caller is refused."""
PRIVATE = {"attendee", "party"}
"""Routes on an attendee's own records, or acting as one: theirs alone, whatever powers
anybody else holds."""


def victim_event(summit) -> dict[str, Any]:
    """Alice's and Bob's event, with one of everything that belongs to someone."""
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    summit.guest("Carol")
    event, carol = summit.event_id, summit.people["Carol"]
    at = {"conference_id": event}
    return {
        "event": event, "alice": alice, "bob": bob, "sam": summit.people["Sam"],
        "code": summit.guests["Alice"]["ticket_code"],
        "connect_code": summit.guests["Alice"]["connect_code"],
        "ticket": summit.guests["Alice"]["ticket_id"],
        "give": api.do(alice, "/gives", **at, giver=alice, receiver=bob, kind="referral",
                       note="Call Dana")["give_id"],
        "note": api.do(alice, "/notes", **at, about=bob, kind="need", text="A designer")["note_id"],
        "promise": api.do(alice, "/promises", **at, promisee=bob, what="Deck",
                          due_on="2026-12-01")["promise_id"],
        "request": api.do(carol, "/connection-requests", **at,
                          person_id=alice)["request_id"],
        "intro": api.introduce(alice, at["conference_id"], person_a=bob, person_b=carol,
                        why="Both build kilns")["introduction_id"],
        "device": api.do(summit.organizer, f"/events/{event}/devices", label="Door 1")["device_id"],
        "import": jobs.add(api.system.writer, uuid.UUID(event), "summit.csv", "UTF-8",
                           "Name,Email\nEve,eve@example.org\n", {}),
        "export": "attendees.csv",
    }


def intruders(summit) -> dict[str, Any]:
    """A second event, its organizer and one of its attendees."""
    api = summit.api
    olivia, rival = summit.rival("Olivia")
    mallory = summit.person("Mallory")
    api.do(olivia, f"/events/{rival}/attendees", person_id=mallory, profile={"name": "M"})
    return {"anonymous": None, "outsider": mallory, "staff": summit.people["Sam"],
            "other_organizer": olivia}


def url(path: str, ids: dict[str, Any]) -> str:
    names = {"conference_id": "event", "person_id": "alice", "other_id": "alice",
             "ticket_id": "ticket", "give_id": "give", "note_id": "note",
             "promise_id": "promise", "introduction_id": "intro", "device_id": "device",
             "code": "connect_code", "name": "export", "import_id": "import",
             "request_id": "request"}
    return re.sub(r"\{(\w+):\w+\}", lambda m: str(ids[names[m.group(1)]]), path)


def routes(app) -> set[str]:
    return {f"{method} {route.path}" for route in app.routes if isinstance(route, HTTPRoute)
            for method in route.route_handler_map if method != "OPTIONS"
            if not route.path.startswith("/schema")}


def call(api, route: str, ids: dict[str, Any], body: dict[str, Any] | None,
         headers: dict[str, str]):
    method, path = route.split(" ", 1)
    return api.client.request(method, url(path, ids), headers=headers,
                              json={"command_id": str(uuid.uuid4()), **(body or {})}
                              if method == "POST" else None, params={"after": api.position})


def test_every_route_refuses_whom_its_rule_refuses(summit):
    api = summit.api
    ids = victim_event(summit)
    people = intruders(summit)
    table = rules(ids)
    assert routes(api.client.app) - PUBLIC == set(table), "every route needs a rule"
    wrong, checked = [], 0
    for route, (rule, body) in table.items():
        method = route.split(" ", 1)[0]
        for intruder in INTRUDERS:
            if intruder != "anonymous" and (rule in SIGNED_IN_ONLY or body is None and method == "POST"):
                continue
            who = people[intruder]
            response = call(api, route, ids, body, api.headers(who) if who else {})
            checked += 1
            allowed = intruder in ALLOWED.get(rule, set())
            expected = (200, 201) if allowed else (401,) if who is None else (403, 404)
            if response.status_code not in expected:
                wrong.append(f"{route} as {intruder}: {response.status_code} {response.text[:120]}")
    assert not wrong, "\n".join(wrong)
    assert checked > 150, checked
    print(f"{len(table)} routes, {checked} route × intruder calls")


def test_an_organizer_with_every_power_reaches_nothing_private_of_a_signed_in_attendee(summit):
    """Alice has signed in (her records were made in her session). Her event's organizer,
    also its door staff, with a door device of their own, can neither be shown her link nor
    call any route on an attendee's own records as her or about her."""
    api, olga, event = summit.api, summit.organizer, summit.event_id
    ids = victim_event(summit)
    api.do(olga, f"/events/{event}/staff", person_id=str(olga))
    device = api.do(olga, f"/events/{event}/devices", label="Olga's scanner")["token"]
    shown = api.post(olga, f"/events/{event}/attendees/{ids['alice']}/sign-in-link")
    assert shown.status_code == 403 and "emailed" in shown.json()["detail"]
    private = {route: body for route, (rule, body) in rules(ids).items()
               if rule in PRIVATE and not (body is None and route.startswith("POST"))}
    wrong = []
    for powers in (api.headers(olga), {"Authorization": f"Bearer {device}"}):
        for route, body in private.items():
            response = call(api, route, ids, body, powers)
            if response.status_code not in (403, 404):
                wrong.append(f"{route}: {response.status_code} {response.text[:120]}")
    assert not wrong, "\n".join(wrong)
    assert len(private) > 25, len(private)
