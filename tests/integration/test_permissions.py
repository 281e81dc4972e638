"""The application checks who may run a command, whatever door the command came in by."""

import uuid
from datetime import date

import pytest

from goodwill.domain.errors import NotAllowedError


def test_an_attendee_cannot_make_themselves_an_organizer(system, scenario):
    alice = scenario["Alice"].person_id
    with pytest.raises(NotAllowedError):
        system.app.grant_organizer_role(alice, uuid.uuid4(), alice)
    with pytest.raises(NotAllowedError):
        system.app.register_person(alice, uuid.uuid4(), "Mallory", "mallory@example.org")
    with pytest.raises(NotAllowedError):
        system.app.create_conference(alice, uuid.uuid4(), "Alice's own", date(2026, 12, 1),
                                     date(2026, 12, 1), "Europe/Berlin", "", {})


def test_staff_scan_but_do_not_organize(system, scenario):
    staff = scenario.person("Sam Staff", "sam@example.org")
    system.app.add_staff(scenario.organizer, uuid.uuid4(), scenario.conference_id, staff)
    alice = scenario["Alice"]
    system.app.check_in(staff, uuid.uuid4(), scenario.conference_id, alice.ticket_code, "main",
                        "door-1")
    with pytest.raises(NotAllowedError):
        system.app.revoke_ticket(staff, uuid.uuid4(), scenario.conference_id,
                                     alice.ticket_code, "lost")
    with pytest.raises(NotAllowedError):
        system.app.add_check_in_list(staff, uuid.uuid4(), scenario.conference_id, "vip", "VIP")


def test_attendees_cannot_scan_tickets(system, scenario):
    alice, bob = scenario["Alice"], scenario["Bob"]
    with pytest.raises(NotAllowedError):
        system.app.check_in(alice.person_id, uuid.uuid4(), scenario.conference_id,
                            bob.ticket_code, "main", "my-phone")
