"""The check-in read model on both stores: ticket state, door counts and the scan log."""

import uuid

from goodwill.domain.ids import ticket_id
from goodwill.projections.engine.base import iso
from goodwill.projections.checkins import counts, scan_log, ticket_state
from tests.integration.queries import at, read


def scan(system, scenario, command, guest, list_key, moment, device="door-1"):
    getattr(system.app, command)(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                 guest.ticket_code, list_key, device, moment)


def test_counts_tell_who_ever_checked_in_and_who_is_inside_now(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    for command, guest, list_key, hour in (
            ("check_in", alice, "main", 9), ("check_in", bob, "main", 9),
            ("check_in", bob, "workshop", 10), ("check_out", alice, "main", 12),
            ("check_in", alice, "main", 13), ("check_out", bob, "main", 13)):
        scan(system, scenario, command, guest, list_key, at(hour))
    assert read(system, counts, scenario.conference_id) == {
        "main": {"checked_in": 2, "inside": 1}, "workshop": {"checked_in": 1, "inside": 1}}
    assert read(system, counts, uuid.uuid4()) == {}


def test_ticket_state_shows_each_list_and_the_latest_check_in(system, scenario):
    alice = scenario["Alice Archer"]
    scan(system, scenario, "check_in", alice, "main", at(9))
    scan(system, scenario, "check_out", alice, "main", at(12), "door-2")
    scan(system, scenario, "check_in", alice, "main", at(13), "door-3")
    scan(system, scenario, "check_in", alice, "workshop", at(14))
    scan(system, scenario, "check_out", alice, "workshop", at(15), "door-4")
    state = read(system, ticket_state, ticket_id(alice.ticket_code))
    assert state["attendee_id"] == str(alice.attendee_id) and state["revoked"] is False
    assert state["check_ins"] == {
        "main": {"inside": True, "checked_in_at": iso(at(13)), "device": "door-3"},
        "workshop": {"inside": False, "checked_in_at": iso(at(14)), "device": "door-4"}}
    assert read(system, ticket_state, uuid.uuid4()) is None


def test_a_revoked_ticket_says_so(system, scenario):
    alice = scenario["Alice Archer"]
    system.app.revoke_ticket(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                             alice.ticket_code, "Refunded")
    state = read(system, ticket_state, ticket_id(alice.ticket_code))
    assert state["revoked"] is True and state["check_ins"] == {}


def test_the_scan_log_is_newest_first_and_keeps_when_the_server_heard_of_it(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    scan(system, scenario, "check_in", alice, "main", at(9))
    scan(system, scenario, "check_in", bob, "main", at(10))
    scan(system, scenario, "check_out", alice, "main", at(11))
    log = read(system, scan_log, scenario.conference_id)
    assert [(r["ticket_id"], r["direction"], r["scanned_at"]) for r in log] == [
        (str(ticket_id(alice.ticket_code)), "out", iso(at(11))),
        (str(ticket_id(bob.ticket_code)), "in", iso(at(10))),
        (str(ticket_id(alice.ticket_code)), "in", iso(at(9)))]
    assert all(r["received_at"] > r["scanned_at"] for r in log)  # the scans were sent late
    page = read(system, scan_log, scenario.conference_id, limit=1, offset=1)
    assert [r["direction"] for r in page] == ["in"] and page[0]["scanned_at"] == iso(at(10))
