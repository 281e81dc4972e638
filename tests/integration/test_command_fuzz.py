"""Every command that takes a value from outside, fed what an attacker or a broken device
sends — control characters, lone surrogates, year 1 and year 9999, offsets of ±14 hours,
numbers past BIGINT, texts of any length — and then the property the read side lives by:
whatever was accepted, every read model reaches the head of the log with no failure."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from goodwill.domain.attendee import Consent, Profile
from goodwill.domain.errors import DomainError
from goodwill.projections.engine import repair

TEXT = st.one_of(st.text(st.characters(exclude_categories=()), max_size=40),
                 st.text(st.sampled_from("\x00\x01\x1b\x7f\x85\u2028\ud800 a"), max_size=8),
                 st.builds(lambda n: "x" * n, st.integers(0, 25_000)))
OFFSET = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
MOMENT = st.one_of(st.none(), st.datetimes(timezones=OFFSET),
                   st.datetimes(min_value=datetime(1999, 12, 31), max_value=datetime(2200, 1, 2),
                                timezones=OFFSET))
DAY = st.one_of(st.dates(), st.dates(date(1999, 12, 30), date(2200, 1, 2)))
VALUE = st.one_of(st.none(), st.integers().map(Decimal),
                  st.decimals(allow_nan=False, allow_infinity=False, places=2))
KIND = st.one_of(st.sampled_from(["introduction", "referral", "advice", "need", "goal"]), TEXT)
PROFILE = st.builds(Profile, name=TEXT, company=TEXT, role=TEXT, offers=TEXT, needs=TEXT)


def commands(app, scene):
    """Each command a person or a device can send, with every outside value drawn."""
    o, e = scene.organizer, scene.conference_id
    a, b = scene["Alice"].person_id, scene["Bob"].person_id
    give = scene.give_id
    return {
        "register_person": lambda d: app.register_person(o, uuid.uuid4(), d(TEXT), d(TEXT)),
        "create_conference": lambda d: app.create_conference(
            o, uuid.uuid4(), d(TEXT), d(DAY), d(DAY), "Europe/Berlin", d(TEXT), {"main": d(TEXT)}),
        "change_details": lambda d: app.change_details(o, uuid.uuid4(), e, d(TEXT), d(DAY),
                                                       d(DAY), "Europe/Berlin", d(TEXT)),
        "add_check_in_list": lambda d: app.add_check_in_list(o, uuid.uuid4(), e, d(TEXT), d(TEXT)),
        "update_profile": lambda d: app.update_profile(a, uuid.uuid4(), e, d(PROFILE)),
        "give": lambda d: app.give(a, uuid.uuid4(), e, a, b, d(KIND), d(TEXT), d(MOMENT)),
        "thank": lambda d: app.thank(b, uuid.uuid4(), give, d(TEXT)),
        "dispute": lambda d: app.dispute(b, uuid.uuid4(), give, d(TEXT)),
        "record_outcome": lambda d: app.record_outcome(
            b, uuid.uuid4(), give, d(st.sampled_from(["contacted", "won", "lost"])), d(VALUE),
            d(TEXT)),
        "note": lambda d: app.note(a, uuid.uuid4(), e, b, d(KIND), d(TEXT)),
        "promise": lambda d: app.promise(a, uuid.uuid4(), e, b, d(TEXT), d(DAY)),
        "introduce": lambda d: app.introduce(a, uuid.uuid4(), e, b, scene["Carol"].person_id,
                                             d(TEXT), d(MOMENT)),
        "dismiss_suggestion": lambda d: app.dismiss_suggestion(
            a, uuid.uuid4(), d(TEXT | st.just(f"thank:{give}"))),
        "connect_by_badge": lambda d: app.connect_by_badge(a, uuid.uuid4(), d(TEXT), d(MOMENT)),
        "check_in": lambda d: app.check_in(o, uuid.uuid4(), e, scene["Bob"].ticket_code, "main",
                                           d(TEXT), d(MOMENT), d(st.booleans())),
        "issue_device": lambda d: app.issue_device(o, uuid.uuid4(), e, d(TEXT)),
        "revoke_ticket": lambda d: app.revoke_ticket(o, uuid.uuid4(), e, d(TEXT), d(TEXT)),
        "register_attendee": lambda d: app.register_attendee(
            o, uuid.uuid4(), e, scene.person(f"New {uuid.uuid4().hex}", f"{uuid.uuid4()}@x.org"),
            d(PROFILE), Consent(listed_in_directory=True), d(st.none() | TEXT)),
    }


@pytest.fixture
def scene(scenario, system):
    for name in ("Alice", "Bob", "Carol"):
        scenario.guest(name)
    app, alice, bob = system.app, scenario["Alice"], scenario["Bob"]
    for other in (bob, scenario["Carol"]):
        app.connect_by_badge(alice.person_id, uuid.uuid4(), other.connect_code)
    scenario.give_id = app.give(alice.person_id, uuid.uuid4(), scenario.conference_id,
                                alice.person_id, bob.person_id, "referral", "").result["give_id"]
    return scenario


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_whatever_a_command_accepts_every_read_model_can_apply(system, scene, data):
    for send in commands(system.app, scene).values():
        try:
            send(data.draw)
        except DomainError:
            pass  # refused as it arrived: the log never saw it
    system.runner.catch_up()
    assert repair.listed(system.runner) == []
    assert all(s.lag == 0 for s in system.runner.status())
