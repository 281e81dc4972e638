"""An attendee's day at a glance, on both stores: their check-ins with the entrance's name,
and whom they met between two moments, once each, at the event asked about."""

import uuid
from datetime import date

from goodwill.domain.attendee import Consent, Profile
from goodwill.http.event_days import day_span
from goodwill.projections.engine.base import iso
from goodwill.projections.glance import attended, check_ins, met_between
from tests.integration.queries import at, read, scan_badge, second_event


def meet(system, scenario, person, other, moment, conference_id=None):
    scan_badge(system.app, person.person_id, other.person_id,
               conference_id or scenario.conference_id, moment)


def test_whom_i_met_on_one_auckland_day_at_one_event(system, scenario):
    """25 November in Auckland runs from 11:00 UTC on the 24th to 11:00 UTC on the 25th."""
    alice, bob, cat, dan = (scenario[n] for n in ("Alice Archer", "Bob Baker", "Cat Cole",
                                                   "Dan Dale"))
    meet(system, scenario, alice, bob, at(10, 59))
    meet(system, scenario, cat, alice, at(11, 0))
    meet(system, scenario, alice, dan, at(10, 0, day=24))
    camp = second_event(scenario, "Alice Archer", "Bob Baker")
    meet(system, scenario, bob, alice, at(10, 30), camp)
    span = day_span("Pacific/Auckland", date(2026, 11, 25))
    met = read(system, met_between, alice.person_id, scenario.conference_id, *span)
    assert [(m["name"], m["met_at"]) for m in met] == [("Bob Baker", iso(at(10, 59)))]
    at_camp = read(system, met_between, alice.person_id, camp, *span)
    assert [(m["person_id"], m["name"]) for m in at_camp] == [(str(bob.person_id), "Bob Baker")]
    assert read(system, met_between, cat.person_id, scenario.conference_id, *span) == []


def test_my_check_ins_name_their_entrance_and_whether_i_am_still_inside(system, scenario):
    alice, bob = scenario["Alice Archer"], scenario["Bob Baker"]
    for command, list_key, hour in (("check_in", "main", 9), ("check_in", "workshop", 10),
                                    ("check_out", "workshop", 12)):
        getattr(system.app, command)(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                     alice.ticket_code, list_key, "door-1", at(hour))
    assert read(system, check_ins, scenario.conference_id, alice.person_id) == [
        {"list_name": "Main entrance", "checked_in_at": iso(at(9)), "inside": True},
        {"list_name": "Workshop room", "checked_in_at": iso(at(10)), "inside": False}]
    assert read(system, check_ins, scenario.conference_id, bob.person_id) == []


def test_the_events_i_attend_come_with_their_time_zones_latest_last(system, scenario):
    alice = scenario["Alice Archer"]
    camp = second_event(scenario, "Alice Archer")
    early = scenario.app.create_conference(
        scenario.organizer, uuid.uuid4(), "Early Meetup", date(2026, 1, 5), date(2026, 1, 5),
        "Pacific/Auckland", "Pier", {}).result["conference_id"]
    scenario.app.register_attendee(scenario.organizer, uuid.uuid4(), early, alice.person_id,
                                   Profile(name="Alice"), Consent())
    rows = read(system, attended, alice.person_id)
    assert [(r["conference_id"], r["timezone"]) for r in rows] == [
        (str(early), "Pacific/Auckland"), (str(scenario.conference_id), "Europe/Berlin"),
        (str(camp), "Europe/Berlin")]
