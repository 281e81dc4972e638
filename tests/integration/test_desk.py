"""The check-in desk's commands and read models on both stores: an undone check-in takes its
counts, figures and timeline entry with it; scans a device made offline are applied once
however often they are sent; two devices that let the same ticket in offline leave one
check-in and one conflict, also when they sync at the same moment."""

from __future__ import annotations

import threading
import uuid
from collections import Counter

import pytest

from goodwill.application import DoorScan
from goodwill.application.reading_ahead import Known
from goodwill.domain.conference import Conference
from goodwill.domain.credential import Device
from goodwill.domain.errors import NotAllowedError
from goodwill.domain.person import Person
from goodwill.domain.ids import ticket_id
from goodwill.projections.engine.base import iso
from goodwill.projections.checkins import counts, scan_log, ticket_state
from goodwill.projections.conflicts import conflicts
from goodwill.projections.door import door_list, search
from goodwill.projections.figures import figures
from goodwill.projections.timeline import timeline
from tests.integration.queries import at, read


def offline_batch(system, scenario, device: str, names: list[str], hour: int) -> list:
    """What a device queued offline, each scan with its own command id and time; a function
    that sends it, as a sync does, and answers each scan's outcome."""
    scans = [(uuid.uuid4(), scenario[name].ticket_code, at(hour, minute))
             for minute, name in enumerate(names)]

    def send() -> list[str]:
        batch = [DoorScan(command_id=command, ticket_id=ticket_id(code), list_key="main",
                          device=device, scanned_at=moment, offline=True)
                 for command, code, moment in scans]
        answers = system.app.scan_tickets(scenario.organizer, scenario.conference_id, batch)
        return [scanned.result.result["outcome"] for scanned in answers]
    return send


def check_ins_of(system, code: str) -> list[str]:
    return [type(e).__name__ for e in system.app.events.get(ticket_id(code))
            if type(e).__name__ in ("CheckedIn", "ConflictRecorded")]


def test_an_undone_check_in_leaves_counts_figures_and_the_timeline(system, scenario):
    alice = scenario["Alice Archer"]
    app, staff, event = system.app, scenario.organizer, scenario.conference_id
    first = uuid.uuid4()
    app.check_in(staff, first, event, alice.ticket_code, "main", "door-1", at(9))
    app.undo_check_in(staff, uuid.uuid4(), event, first, "door-1", at(9, 1))
    assert read(system, counts, event)["main"] == {"checked_in": 0, "inside": 0}
    assert read(system, ticket_state, ticket_id(alice.ticket_code))["check_ins"] == {}
    assert [r["direction"] for r in read(system, scan_log, event)] == ["undo", "in"]
    totals = read(system, figures, event)["totals"]
    assert (totals["check_in:main"], totals["arrival"]) == (0, 0)  # not arrived after all
    app.check_in(staff, uuid.uuid4(), event, alice.ticket_code, "main", "door-1", at(10))
    assert read(system, figures, event)["totals"]["arrival"] == 1
    entries = read(system, timeline, alice.person_id)
    assert [e["at"] for e in entries if e["kind"] == "checked_in"] == [iso(at(10))]


def test_undoing_a_return_keeps_the_first_entry_counted(system, scenario):
    """In at 9, out at 10, in again at 11 by mistake: undone, the 9 o'clock one stands."""
    alice = scenario["Alice Archer"]
    app, staff, event = system.app, scenario.organizer, scenario.conference_id
    app.check_in(staff, uuid.uuid4(), event, alice.ticket_code, "main", "door-1", at(9))
    app.check_out(staff, uuid.uuid4(), event, alice.ticket_code, "main", "door-2", at(10))
    mistake = uuid.uuid4()
    app.check_in(staff, mistake, event, alice.ticket_code, "main", "door-3", at(11))
    app.undo_check_in(staff, uuid.uuid4(), event, mistake, "door-3", at(11, 1))
    assert read(system, counts, event)["main"] == {"checked_in": 1, "inside": 0}
    assert read(system, ticket_state, ticket_id(alice.ticket_code))["check_ins"]["main"] == {
        "inside": False, "checked_in_at": iso(at(9)), "device": "door-1"}
    assert read(system, figures, event)["totals"]["arrival"] == 1  # she did come at 9


def test_a_batch_sent_twice_is_applied_once(system, scenario):
    send = offline_batch(system, scenario, "door-1", ["Alice Archer", "Bob Baker"], 9)
    assert send() == ["checked_in", "checked_in"]
    assert send() == ["checked_in", "checked_in"]
    for name in ("Alice Archer", "Bob Baker"):
        assert check_ins_of(system, scenario[name].ticket_code) == ["CheckedIn"]
    assert read(system, counts, scenario.conference_id)["main"] == {"checked_in": 2, "inside": 2}


def test_two_devices_admitting_one_ticket_offline_leave_one_check_in_and_a_conflict(
        system, scenario):
    first = offline_batch(system, scenario, "door-1", ["Alice Archer"], 9)
    second = offline_batch(system, scenario, "door-2", ["Bob Baker", "Alice Archer"], 10)
    assert first() == ["checked_in"]
    assert second() == ["checked_in", "conflict"]
    assert second() == ["checked_in", "conflict"]  # sent again: still one conflict
    alice = scenario["Alice Archer"]
    assert check_ins_of(system, alice.ticket_code) == ["CheckedIn", "ConflictRecorded"]
    [conflict] = read(system, conflicts, scenario.conference_id)
    assert conflict == {
        "ticket_id": str(ticket_id(alice.ticket_code)), "attendee_id": str(alice.attendee_id),
        "name": "Alice Archer", "list_key": "main", "list_name": "Main entrance",
        "kind": "double-admission", "device": "door-2", "scanned_at": iso(at(10, 1)),
        "first_device": "door-1", "first_scanned_at": iso(at(9)),
        "received_at": conflict["received_at"]}
    assert read(system, counts, scenario.conference_id)["main"] == {"checked_in": 2, "inside": 2}
    assert read(system, conflicts, uuid.uuid4()) == []


def test_two_devices_syncing_at_once_leave_one_check_in_per_ticket(system, scenario):
    names = [f"Guest {n}" for n in range(8)]
    batches = [offline_batch(system, scenario, device, names, hour)
               for device, hour in (("door-1", 9), ("door-2", 10))]
    barrier = threading.Barrier(2)
    outcomes: list[list[str]] = []

    def sync(send) -> None:
        barrier.wait()
        outcomes.append(send())

    threads = [threading.Thread(target=sync, args=(send,)) for send in batches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for n, name in enumerate(names):
        assert sorted(batch[n] for batch in outcomes) == ["checked_in", "conflict"]
        assert Counter(check_ins_of(system, scenario[name].ticket_code)) == {
            "CheckedIn": 1, "ConflictRecorded": 1}
    assert len(read(system, conflicts, scenario.conference_id)) == len(names)


def test_the_door_list_and_search_show_holders_as_the_crew_may_see_them(system, scenario):
    listed = scenario.guest("Lena Listed", company="Kiln Co")
    hidden = scenario.guest("Hugo Hidden", listed=False, company="Secret Co")
    system.app.check_in(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                        listed.ticket_code, "main", "door-1", at(9))
    tickets = {t["name"]: t for t in read(system, door_list, scenario.conference_id)}
    assert set(tickets) == {"Lena Listed", "Hugo Hidden"}
    assert (tickets["Lena Listed"]["company"], tickets["Hugo Hidden"]["company"]) == (
        "Kiln Co", "")
    assert tickets["Lena Listed"]["check_ins"] == {
        "main": {"inside": True, "checked_in_at": iso(at(9)), "device": "door-1"}}
    assert tickets["Hugo Hidden"]["ticket_id"] == str(ticket_id(hidden.ticket_code))
    assert hidden.ticket_code not in repr(tickets)
    found = read(system, search, scenario.conference_id, "hugo")
    assert [r["name"] for r in found] == ["Hugo Hidden"]
    assert [r["name"] for r in read(system, search, scenario.conference_id,
                                    " Hugo.Hidden@Example.org ")] == ["Hugo Hidden"]
    assert read(system, search, scenario.conference_id, "example.org") == []


def test_a_door_device_is_read_ahead_with_its_batch_and_a_person_is_passed_by(system, scenario):
    """A batch's read-ahead asks for its actor beside the event: a door device is read with
    them, in the one query; a person is not opened (their details are sealed), though they
    are read if asked for as a person; and the device scans until it is revoked."""
    app, staff, conference_id = system.app, scenario.organizer, scenario.conference_id
    device = app.issue_device(staff, uuid.uuid4(), conference_id, "Door 1").result["device_id"]
    known = Known(app, (Conference, Device))
    assert set(known.read({conference_id, device, staff})) == {conference_id, device}
    assert known.find(Device, staff) is None and known.find(Person, staff).id == staff

    def scan(name: str) -> object:
        [scanned] = app.scan_tickets(device, conference_id, [DoorScan(
            command_id=uuid.uuid4(), ticket_code=scenario[name].ticket_code, list_key="main",
            device="door-1")])
        return scanned.result
    assert scan("Alice Archer").result["outcome"] == "checked_in"
    app.revoke_device(staff, uuid.uuid4(), conference_id, device)
    with pytest.raises(NotAllowedError, match="Only this event's staff and organizers"):
        scan("Bob Baker")


def test_a_batch_naming_a_ticket_twice_and_a_command_twice_answers_as_scans_one_by_one(
        system, scenario):
    """The batch is read ahead in one query; what a scan changed is read afresh by the next
    scan of the same ticket, and a command id seen before answers from its receipt."""
    alice, staff = scenario["Alice Archer"], scenario.organizer
    first, again = uuid.uuid4(), uuid.uuid4()
    batch = [DoorScan(command_id=command, ticket_code=alice.ticket_code, list_key="main",
                      device="door-1") for command in (first, again, first)]
    admitted, refused, replayed = system.app.scan_tickets(staff, scenario.conference_id,
                                                          batch)
    assert admitted.result.result["outcome"] == "checked_in" and not admitted.result.replayed
    assert refused.result.message.startswith("Already checked in at ")
    assert replayed.result.replayed and replayed.result.result == admitted.result.result
    assert check_ins_of(system, alice.ticket_code) == ["CheckedIn"]
