"""The check-in desk's API: scans answered in order with the holder's name, refusals as
answers; the event's list for a device to decide offline, cheap to ask again; offline scans
synced once, a double admission kept as a conflict the organizers see; undo; and only the
event's crew (a door device too) get any of it."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone

import pytest

from goodwill.domain.ids import ticket_id
from tests.http.test_devices import as_device, issue


def scans(summit, who, *items, **common):
    """Sends the scans; later reads of the test wait for what they changed."""
    api = summit.api
    answer = api.client.post(
        f"/api/v1/events/{summit.event_id}/desk/scans",
        json={"scans": [{"command_id": str(uuid.uuid4()), "list_key": "main",
                         "device": "desk-1", **common, **item} for item in items]},
        headers=who if isinstance(who, dict) else api.headers(who))
    if answer.status_code == 200:
        api.position = max(api.position, answer.json()["position"])
    return answer


def code(summit, name: str) -> dict[str, str]:
    return {"ticket_code": summit.guests[name]["ticket_code"]}


def ago(minutes: int) -> str:
    return (datetime.now(timezone.utc) - timedelta(minutes=minutes)).isoformat()


def test_scans_are_answered_in_order_with_names_and_refusals_as_answers(summit):
    sam = summit.people["Sam"]
    answer = scans(summit, sam, code(summit, "Alice"), code(summit, "Alice"),
                   {"ticket_code": "NOSUCHCODE"},
                   {"ticket_id": summit.guests["Bob"]["ticket_id"], "direction": "out"})
    assert answer.status_code == 200, answer.text
    got = answer.json()["answers"]
    assert [(a["outcome"], a["status"], a["name"]) for a in got] == [
        ("checked_in", 200, "Alice"), ("refused", 409, "Alice"), ("refused", 404, None),
        ("refused", 409, "Bob")]
    assert got[0]["message"] == "Checked in at Main entrance." and got[0]["company"] == "Alice Ltd"
    assert got[1]["message"].startswith("Already checked in at ")
    assert got[1]["message"].endswith(" at Main entrance by device desk-1.")
    assert (got[2]["message"], got[3]["message"]) == ("Unknown ticket code.",
                                                      "Not checked in at Main entrance.")
    counts = summit.api.read(sam, f"/events/{summit.event_id}/check-ins")
    assert counts["main"] == {"checked_in": 1, "inside": 1}


@pytest.mark.parametrize("item", [{}, {"ticket_code": "A", "ticket_id": str(uuid.uuid4())}])
def test_a_scan_names_its_ticket_once(summit, item):
    answer = scans(summit, summit.people["Sam"], item)
    assert answer.status_code == 400 and "needs a ticket_code or a ticket_id" in answer.text


def test_an_offline_batch_synced_twice_is_applied_once(summit):
    batch = [{"command_id": str(uuid.uuid4()), **code(summit, name), "scanned_at": ago(9 - n)}
             for n, name in enumerate(("Alice", "Bob"))]
    sent = [scans(summit, summit.people["Sam"], *batch, offline=True) for _ in range(2)]
    first, again = (s.json()["answers"] for s in sent)
    assert [a["outcome"] for a in first] == [a["outcome"] for a in again] == ["checked_in"] * 2
    assert [a["replayed"] for a in again] == [True, True]
    events = summit.api.client.app.state.system.app.events
    for name in ("Alice", "Bob"):
        kinds = [type(e).__name__ for e in events.get(ticket_id(code(summit, name)["ticket_code"]))]
        assert kinds == ["Issued", "CheckedIn"]
    state = summit.api.read(summit.people["Sam"], f"/tickets/{summit.guests['Alice']['ticket_id']}")
    assert state["check_ins"]["main"]["checked_in_at"][:16] == (
        datetime.fromisoformat(batch[0]["scanned_at"]).astimezone(timezone.utc)
        .strftime("%Y-%m-%dT%H:%M"))  # the scan's time at the door, not the sync's


def test_an_offline_scan_needs_its_time(summit):
    [answer] = scans(summit, summit.people["Sam"], code(summit, "Alice"),
                     offline=True).json()["answers"]
    assert (answer["outcome"], answer["status"]) == ("refused", 422)
    assert answer["message"] == "An offline scan needs the time it was scanned."


def test_two_devices_admitting_one_ticket_offline_make_a_conflict_the_organizers_see(summit):
    api, sam = summit.api, summit.people["Sam"]
    scans(summit, sam, code(summit, "Alice"), offline=True, scanned_at=ago(10), device="door-1")
    [answer] = scans(summit, sam, code(summit, "Alice"), offline=True, scanned_at=ago(5),
                     device="door-2").json()["answers"]
    assert answer["outcome"] == "conflict" and answer["name"] == "Alice"
    assert "conflict recorded for the organizers" in answer["message"]
    assert "by device door-1" in answer["message"]
    path = f"/events/{summit.event_id}/check-in-conflicts"
    assert api.get(sam, path).status_code == 403
    [conflict] = api.read(summit.organizer, path)
    assert (conflict["ticket_id"], conflict["kind"], conflict["device"],
            conflict["first_device"]) == (summit.guests["Alice"]["ticket_id"],
                                          "double-admission", "door-2", "door-1")
    assert conflict["name"] is None  # Alice shares her profile with nobody
    assert conflict["first_scanned_at"] < conflict["scanned_at"]
    assert api.read(sam, f"/events/{summit.event_id}/check-ins")["main"] == {
        "checked_in": 1, "inside": 1}


def test_the_door_list_holds_ids_not_codes_and_costs_a_304_when_unchanged(summit):
    api, sam, path = summit.api, summit.people["Sam"], f"/events/{summit.event_id}/desk/tickets"
    summit.guest("Carol", listed=False)
    first = api.get(sam, path)
    assert first.status_code == 200 and first.headers["etag"]
    body = first.json()
    assert (body["timezone"], body["lists"]) == ("Europe/Berlin", {
        "main": "Main entrance", "workshop": "Workshop room"})
    holders = {t["name"]: t for t in body["tickets"]}
    assert holders["Alice"]["ticket_id"] == summit.guests["Alice"]["ticket_id"]
    assert (holders["Alice"]["company"], holders["Carol"]["company"]) == ("Alice Ltd", "")
    assert all(g["ticket_code"] not in first.text for g in summit.guests.values())
    unchanged = api.client.get(f"/api/v1{path}", headers={
        **api.headers(sam), "If-None-Match": first.headers["etag"]})
    assert (unchanged.status_code, unchanged.content) == (304, b"")
    api.do(sam, "/tickets/check-in", conference_id=summit.event_id, list_key="main",
           device="door-1", **code(summit, "Bob"))
    changed = api.client.get(f"/api/v1{path}", params={"after": api.position}, headers={
        **api.headers(sam), "If-None-Match": first.headers["etag"]})
    assert changed.status_code == 200
    bob = next(t for t in changed.json()["tickets"] if t["name"] == "Bob")
    assert bob["check_ins"]["main"]["inside"] is True


def test_an_undo_takes_back_ones_own_check_in_once_and_is_audited(summit):
    api, sam = summit.api, summit.people["Sam"]
    check_in = str(uuid.uuid4())
    scans(summit, sam, {"command_id": check_in, **code(summit, "Alice")})
    undo = {"conference_id": summit.event_id, "check_in_command_id": check_in, "device": "desk-1"}
    assert api.post(summit.organizer, "/tickets/undo-check-in", **undo).status_code == 404
    command = str(uuid.uuid4())
    done = api.do(sam, "/tickets/undo-check-in", command_id=command, **undo)
    assert done["outcome"] == "undone" and done["ticket_id"] == summit.guests["Alice"]["ticket_id"]
    assert api.do(sam, "/tickets/undo-check-in", command_id=command, **undo) == done
    assert api.post(sam, "/tickets/undo-check-in", **undo).status_code == 409
    api.do(sam, "/tickets/check-in", conference_id=summit.event_id, list_key="main",
           device="desk-1", **code(summit, "Bob"))  # reads below wait for this one
    assert api.read(sam, f"/events/{summit.event_id}/check-ins")["main"] == {
        "checked_in": 1, "inside": 1}
    log = api.read(summit.organizer, f"/events/{summit.event_id}/scan-log")
    assert [r["direction"] for r in log] == ["in", "undo", "in"]
    audit = [(e["command"], e["outcome"]) for e in
             api.read(summit.organizer, f"/events/{summit.event_id}/audit")]
    assert audit[:5] == [("check_in", "accepted"), ("undo_check_in", "refused"),
                         ("undo_check_in", "accepted"), ("undo_check_in", "refused"),
                         ("check_in", "accepted")]


def test_a_door_device_uses_the_desk_api_at_its_event(summit):
    device = as_device(issue(summit)["token"])
    [answer] = scans(summit, device, code(summit, "Alice")).json()["answers"]
    assert answer["outcome"] == "checked_in"
    listed = summit.api.client.get(f"/api/v1/events/{summit.event_id}/desk/tickets",
                                   headers=device)
    assert listed.status_code == 200
    conflicts = summit.api.client.get(f"/api/v1/events/{summit.event_id}/check-in-conflicts",
                                      headers=device)
    assert conflicts.status_code == 403


@pytest.mark.parametrize("intruder", ["Alice", "Olivia", None])
def test_nobody_but_the_crew_scans_lists_or_undoes(summit, intruder):
    api = summit.api
    if intruder == "Olivia":
        api.do(summit.organizer, "/people/organizers", person_id=summit.person("Olivia"))
    who = api.headers(summit.people[intruder]) if intruder else {}
    expected = 401 if intruder is None else 403
    assert scans(summit, who, code(summit, "Alice")).status_code == expected
    for path in ("desk/tickets", "check-in-conflicts"):
        answer = api.client.get(f"/api/v1/events/{summit.event_id}/{path}", headers=who)
        assert answer.status_code == expected
    undo = api.client.post("/api/v1/tickets/undo-check-in", headers=who, json={
        "command_id": str(uuid.uuid4()), "conference_id": summit.event_id,
        "check_in_command_id": str(uuid.uuid4()), "device": "desk-1"})
    assert undo.status_code == expected
    [first] = scans(summit, summit.people["Sam"], code(summit, "Alice")).json()["answers"]
    assert first["outcome"] == "checked_in", "a refused batch admitted nobody"
