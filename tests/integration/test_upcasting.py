"""Old event payloads are read as the current version."""

import json
import uuid

from goodwill.domain.conference import Conference
from goodwill.domain.ids import ticket_id
from goodwill.domain.ticket import Ticket


def as_version_1(system, stored, added: str):
    """The stored event as version 1 wrote it: without what version 2 ``added``."""
    state = json.loads(stored.state)
    assert state.pop("class_version") == 2
    state.pop(added)
    v1 = type(stored)(originator_id=stored.originator_id,
                      originator_version=stored.originator_version, topic=stored.topic,
                      state=json.dumps(state).encode())
    return system.app.mapper.to_domain_event(v1)


def test_a_version_1_check_in_is_read_with_its_scan_time(system, scenario):
    alice = scenario["Alice"]
    system.app.check_in(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                        alice.ticket_code, "main", "door-1")
    stored = system.app.recorder.select_events(ticket_id(alice.ticket_code))[-1]

    event = as_version_1(system, stored, "scanned_at")

    assert isinstance(event, Ticket.CheckedIn)
    assert event.scanned_at == event.timestamp


def test_a_version_1_ticket_is_read_without_a_code(system, scenario):
    stored = system.app.recorder.select_events(ticket_id(scenario["Alice"].ticket_code))[0]

    event = as_version_1(system, stored, "code")

    assert isinstance(event, Ticket.Issued) and event.code == ""


def test_a_version_1_opening_of_registration_is_read_without_a_sealed_code(system, scenario):
    system.app.open_registration(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                 "digest", "sealed")
    stored = system.app.recorder.select_events(scenario.conference_id)[-1]

    event = as_version_1(system, stored, "sealed_code")

    assert isinstance(event, Conference.RegistrationOpened) and event.sealed_code == ""
