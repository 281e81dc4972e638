"""What organizers, staff and connections see of an attendee follows the attendee's consent,
from the first read after it changes."""

from __future__ import annotations

import uuid

STATUS = {"attendee_id", "checked_in", "inside", "revoked"}


def consent(summit, name, **choices):
    summit.api.do(summit.people[name], f"/events/{summit.event_id}/attendees/me/consent",
                  consent=choices)


def test_organizers_see_every_attendee_but_a_profile_only_where_it_was_shared(summit):
    api, event, olga = summit.api, summit.event_id, summit.organizer
    api.do(summit.people["Sam"], "/tickets/check-in", conference_id=event, list_key="main",
           ticket_code=summit.guests["Bob"]["ticket_code"], device="door-1")
    assert [row.keys() for row in api.read(olga, f"/events/{event}/attendees")] == [STATUS] * 2

    consent(summit, "Alice", shared_with_organizer=True)
    alice, bob = api.read(olga, f"/events/{event}/attendees")

    assert (alice["name"], alice["company"], alice["email"]) == (
        "Alice", "Alice Ltd", "alice@example.org")
    assert bob == {"attendee_id": summit.guests["Bob"]["attendee_id"], "checked_in": True,
                   "inside": True, "revoked": False}


def test_an_organizer_s_search_finds_only_those_who_shared(summit):
    api, event, olga = summit.api, summit.event_id, summit.organizer
    consent(summit, "Alice", shared_with_organizer=True)
    assert [r["name"] for r in api.read(olga, f"/events/{event}/attendees", q="ali")] == ["Alice"]
    assert api.read(olga, f"/events/{event}/attendees", q="bob") == []


def test_staff_search_names_at_the_door_and_see_no_profile(summit):
    api, event, sam = summit.api, summit.event_id, summit.people["Sam"]
    consent(summit, "Bob", shared_with_organizer=True)
    found, = api.read(sam, f"/events/{event}/attendees", q="BO")
    assert found.keys() == STATUS | {"name"} and found["name"] == "Bob"
    assert api.get(summit.people["Alice"], f"/events/{event}/attendees").status_code == 403


def test_a_connection_s_email_shows_only_while_they_share_it(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    api.do(alice, "/connections/badge", connect_code=summit.guests["Bob"]["connect_code"])
    contact = api.read(alice, f"/me/contacts/{bob}")
    assert (contact["email"], contact["events"][0]["offers"]) == (None, "UX reviews")

    consent(summit, "Bob", contact_shared_with_connections=True)
    assert api.read(alice, f"/me/contacts/{bob}")["email"] == "bob@example.org"
    consent(summit, "Bob")
    assert api.read(alice, f"/me/contacts/{bob}")["email"] is None


def test_only_connections_can_be_looked_up(summit):
    api, alice = summit.api, summit.people["Alice"]
    for stranger in (summit.people["Bob"], summit.person("Carol"), str(uuid.uuid4())):
        assert api.get(alice, f"/me/contacts/{stranger}").status_code == 404


def test_an_attendee_sees_when_their_consent_changed(summit):
    api, event, alice = summit.api, summit.event_id, summit.people["Alice"]
    consent(summit, "Alice", shared_with_organizer=True)
    consent(summit, "Alice")

    history = api.read(alice, f"/events/{event}/attendees/me/consent-history")

    assert [(h["listed_in_directory"], h["shared_with_organizer"]) for h in history] == [
        (True, False), (False, True), (False, False)]
    assert [h["at"] for h in history] == sorted(h["at"] for h in history)
    outsider = summit.person("Mallory")
    assert api.get(outsider, f"/events/{event}/attendees/me/consent-history").status_code == 404
