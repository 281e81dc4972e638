"""Old event payloads are read as the current version."""

import json
import uuid

from goodwill.domain.ids import ticket_id
from goodwill.domain.ticket import Ticket


def test_a_version_1_check_in_is_read_with_its_scan_time(system, scenario):
    alice = scenario["Alice"]
    system.app.check_in(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                        alice.ticket_code, "main", "door-1")
    ticket = ticket_id(alice.ticket_code)
    stored = system.app.recorder.select_events(ticket)[-1]
    state = json.loads(stored.state)
    assert state.pop("class_version") == 2
    state.pop("scanned_at")
    v1 = type(stored)(originator_id=stored.originator_id,
                      originator_version=stored.originator_version, topic=stored.topic,
                      state=json.dumps(state).encode())

    event = system.app.mapper.to_domain_event(v1)

    assert isinstance(event, Ticket.CheckedIn)
    assert event.scanned_at == event.timestamp
