"""A door device, issued by an organizer, is staff of its one event and nothing more."""

from __future__ import annotations

import uuid

from goodwill.rate_limits import LIMITS, Limit
from tests.http.api import PROBLEM


def as_device(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def scan(summit, token: str, event: str, name: str = "Alice"):
    return summit.api.client.post("/api/v1/tickets/check-in", headers=as_device(token), json={
        "command_id": str(uuid.uuid4()), "conference_id": event, "list_key": "main",
        "ticket_code": summit.guests[name]["ticket_code"], "device": "door-1"},
        params={"after": summit.api.position})


def issue(summit, event: str | None = None) -> dict:
    return summit.api.do(summit.organizer, f"/events/{event or summit.event_id}/devices",
                         label="Main door phone")


def test_a_device_checks_in_and_reads_ticket_state_at_its_event(summit):
    api, device = summit.api, issue(summit)
    assert scan(summit, device["token"], summit.event_id).status_code == 200
    state = api.client.get(f"/api/v1/tickets/{summit.guests['Alice']['ticket_id']}",
                           headers=as_device(device["token"]))
    assert state.status_code == 200
    counts = api.client.get(f"/api/v1/events/{summit.event_id}/check-ins",
                            headers=as_device(device["token"]))
    assert counts.status_code == 200
    listed = api.read(summit.organizer, f"/events/{summit.event_id}/devices")
    assert [(d["device_id"], d["label"]) for d in listed] == [(device["device_id"],
                                                                "Main door phone")]


def test_a_device_is_refused_at_another_event_and_on_organizer_routes(summit):
    api, device = summit.api, issue(summit)
    other = api.do(summit.organizer, "/events", name="Other meetup", starts_on="2026-12-01",
                   ends_on="2026-12-01", timezone="Europe/Berlin",
                   check_in_lists={"main": "Main"})["conference_id"]
    assert scan(summit, device["token"], other).status_code == 403
    headers = as_device(device["token"])
    for path in (f"/events/{summit.event_id}/scan-log", f"/events/{summit.event_id}/figures",
                 f"/events/{other}/check-ins", f"/events/{summit.event_id}/devices"):
        assert api.client.get(f"/api/v1{path}", headers=headers).status_code == 403, path
    revoke = api.client.post("/api/v1/tickets/revoke", headers=headers, json={
        "command_id": str(uuid.uuid4()), "conference_id": summit.event_id,
        "ticket_code": summit.guests["Bob"]["ticket_code"]})
    assert revoke.status_code == 403


def test_a_revoked_device_is_turned_away(summit):
    api, device = summit.api, issue(summit)
    api.do(summit.organizer, f"/events/{summit.event_id}/devices/{device['device_id']}/revoke")
    refused = scan(summit, device["token"], summit.event_id)
    assert refused.status_code == 401


def test_only_organizers_issue_devices_and_a_replay_shows_the_same_token(summit):
    api, path = summit.api, f"/events/{summit.event_id}/devices"
    assert api.post(summit.people["Sam"], path, label="Mine").status_code == 403
    command = str(uuid.uuid4())
    first = api.do(summit.organizer, path, command_id=command, label="Door 2")
    again = api.do(summit.organizer, path, command_id=command, label="Door 2")
    assert first["token"] == again["token"] and first["token"].startswith("gwd_")


def test_scanning_is_limited_per_device_not_per_address(summit):
    """Two doors behind one address each have their own limit, and strangers' requests
    without a good device token count towards neither."""
    summit.api.client.app.state.system.limits.limits = {**LIMITS, "scan": Limit(2, 60)}
    front, side = issue(summit)["token"], issue(summit)["token"]
    summit.guest("Carol")
    strangers = [scan(summit, front[:-4] + "AAAA", summit.event_id) for _ in range(5)]
    assert {answer.status_code for answer in strangers} == {401}
    answers = [scan(summit, front, summit.event_id, name) for name in ("Alice", "Bob", "Alice")]
    assert [a.status_code for a in answers] == [200, 200, 429]
    assert answers[2].headers["content-type"] == PROBLEM and answers[2].headers["retry-after"]
    assert scan(summit, side, summit.event_id, "Carol").status_code == 200
