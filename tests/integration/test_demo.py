"""The demo on both stores: it shows every feature, and the same seed never records twice."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from goodwill.demo import seed_demo
from goodwill.domain.attendee import Attendee
from goodwill.domain.connection import Connection
from goodwill.domain.give import KINDS, Give
from goodwill.domain.promise import Promise
from goodwill.domain.ticket import Ticket
from tests.integration.readmodels import event_count

ATTENDEES = 30


@pytest.fixture
def demo(system):
    return seed_demo(system.app, seed=7, attendees=ATTENDEES, say=lambda line: None)


def domain_events(system) -> list:
    notifications = system.app.recorder.select_notifications(start=1, limit=1_000_000)
    return [system.app.mapper.to_domain_event(n) for n in notifications]


def of_type(events: list, cls: type) -> list:
    return [e for e in events if isinstance(e, cls)]


def test_the_same_seed_again_records_nothing_and_tells_the_same_story(system, demo):
    before = event_count(system)
    again = seed_demo(system.app, seed=7, attendees=ATTENDEES, say=lambda line: None)
    assert event_count(system) == before
    assert again.tally == demo.tally
    assert [g.person_id for g in again.guests] == [g.person_id for g in demo.guests]


def test_it_shows_every_kind_of_give_at_a_plausible_scale(system, demo):
    events = domain_events(system)
    assert {e.kind for e in of_type(events, Give.Given)} == set(KINDS)
    assert of_type(events, Give.Thanked) and of_type(events, Give.ReferralOutcomeRecorded)
    assert len(of_type(events, Attendee.Registered)) == ATTENDEES
    arrivals = {e.originator_id for e in of_type(events, Ticket.CheckedIn) if e.list_key == "main"}
    assert 0.6 * ATTENDEES <= len(arrivals) < ATTENDEES
    assert len(arrivals) <= len(of_type(events, Connection.Made)) <= 3 * len(arrivals)


def test_its_calendar_has_overdue_promises_and_no_future_meetings(system, demo):
    """Meetings and gives fall on the first day, except connections made by answering an
    introduction or a request: an answer happens when it is sent."""
    events = domain_events(system)
    closed = {e.originator_id for e in events if isinstance(e, (Promise.Kept, Promise.Dropped))}
    open_due = [e.due_on for e in of_type(events, Promise.Made) if e.originator_id not in closed]
    assert any(due < demo.today for due in open_due)
    assert any(due >= demo.today for due in open_due)
    moments = [e.happened_at for e in events if isinstance(e, Give.Given)
               or isinstance(e, Connection.Made) and e.method not in ("introduction", "request")]
    assert all(m <= datetime.now(timezone.utc) for m in moments)
    assert {m.astimezone(demo.tz).date() for m in moments} == {demo.starts_on}
