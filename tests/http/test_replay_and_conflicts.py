"""Offline devices resend commands, and two doors scan one ticket at once: both must get a
clear, stable answer, never a doubled event nor a 500."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from tests.http.api import PROBLEM


def head(api) -> int:
    return api.client.app.state.system.app.recorder.max_notification_id()


def test_the_same_command_twice_answers_the_same_and_records_once(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    command = {"command_id": str(uuid.uuid4()), "conference_id": summit.event_id,
               "giver": bob, "receiver": alice, "kind": "referral", "note": "Meet Dana"}
    first = api.post(bob, "/gives", **command)
    recorded = head(api)
    again = api.post(bob, "/gives", **command)
    assert (again.status_code, first.status_code) == (201, 201)
    assert again.json() == {**first.json(), "replayed": True}
    assert first.json()["replayed"] is False
    assert head(api) == recorded


def test_a_refusal_is_replayed_as_the_same_refusal(summit):
    api, alice = summit.api, summit.people["Alice"]
    scan = {"command_id": str(uuid.uuid4()), "conference_id": summit.event_id,
            "ticket_code": summit.guests["Bob"]["ticket_code"], "list_key": "main",
            "device": "phone"}
    first = api.post(alice, "/tickets/check-in", **scan)
    again = api.post(alice, "/tickets/check-in", **scan)
    assert first.status_code == again.status_code == 403
    assert first.json() == again.json()
    assert first.json()["type"] == "urn:goodwill:problem:not-allowed"


def test_a_command_id_reused_for_another_command_is_a_conflict(summit):
    api, bob = summit.api, summit.people["Bob"]
    command_id = str(uuid.uuid4())
    api.do(bob, "/connections/badge", command_id=command_id,
           connect_code=summit.guests["Alice"]["connect_code"])
    reused = api.post(bob, "/promises", command_id=command_id, conference_id=summit.event_id,
                      promisee=summit.people["Alice"], what="Call", due_on="2026-12-01")
    assert reused.status_code == 409
    assert "already used for a different command" in reused.json()["detail"]


def test_a_second_check_in_says_when_where_and_by_which_device(summit):
    api, sam = summit.api, summit.people["Sam"]
    scanned_at = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=30)
    scan = {"conference_id": summit.event_id, "ticket_code": summit.guests["Alice"]["ticket_code"],
            "list_key": "main"}
    api.do(sam, "/tickets/check-in", device="door-1", scanned_at=scanned_at.isoformat(), **scan)
    second = api.post(sam, "/tickets/check-in", device="door-2", **scan)
    local = scanned_at.astimezone(ZoneInfo("Europe/Berlin"))
    assert second.status_code == 409
    assert second.headers["content-type"] == PROBLEM
    assert second.json() == {
        "type": "urn:goodwill:problem:conflict", "title": "Conflict", "status": 409,
        "detail": f"Already checked in at {local:%H:%M} at Main entrance by device door-1."}


def test_other_refusals_are_unprocessable(summit):
    refused = summit.api.post(summit.organizer, f"/events/{summit.event_id}/details",
                              name="Backwards", starts_on="2026-11-26", ends_on="2026-11-25",
                              timezone="Europe/Berlin")
    assert (refused.status_code, refused.json()["detail"]) == (
        422, "The event cannot end before it starts.")


def test_unknown_things_are_not_found(summit):
    missing = summit.api.post(summit.people["Bob"], f"/gives/{uuid.uuid4()}/thanks")
    assert (missing.status_code, missing.json()["type"]) == (404, "urn:goodwill:problem:not-found")
