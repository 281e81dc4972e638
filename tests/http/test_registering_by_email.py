"""Organizers register attendees and staff by email, and learn nothing from it about people
outside their own events: a known email and a new one get answers alike."""

from __future__ import annotations

import uuid



def test_there_is_no_route_that_registers_a_person_on_their_own(summit):
    answered = summit.api.post(summit.organizer, "/people", name="Alice",
                               email="alice@example.org")
    assert answered.status_code in (404, 405)


def test_a_known_email_and_a_new_one_are_answered_alike(summit):
    api = summit.api
    rita, event = summit.rival("Rita")
    known = api.do(rita, f"/events/{event}/attendees", email="alice@example.org",
                   profile={"name": "Ali"})
    new = api.do(rita, f"/events/{event}/attendees", email="nobody.yet@example.org",
                 profile={"name": "Nobody Yet"})
    assert sorted(known) == sorted(new) == ["attendee_id", "connect_code", "person_id",
                                            "ticket_code", "ticket_id"]
    assert [type(known[k]) for k in sorted(known)] == [type(new[k]) for k in sorted(new)]
    names = {row["name"] for row in api.read(rita, f"/events/{event}/attendees")
             if "name" in row}
    assert "Alice" not in names  # the roster never shows what Alice told another event
    staff_known = api.do(rita, f"/events/{event}/staff", name="B", email="bob@example.org")
    staff_new = api.do(rita, f"/events/{event}/staff", name="C", email="carl@example.org")
    assert sorted(staff_known) == sorted(staff_new) == ["person_id"]


def test_the_same_email_at_two_events_is_one_person(summit):
    api = summit.api
    rita, event = summit.rival("Rita")
    again = api.do(rita, f"/events/{event}/attendees", email="ALICE@example.org",
                   profile={"name": "Alice"})
    assert again["person_id"] == summit.people["Alice"]
    twice = api.post(rita, f"/events/{event}/attendees", email="alice@example.org",
                     profile={"name": "Alice"})
    assert twice.status_code == 409


def test_whom_is_said_once_and_a_new_staff_member_has_a_name(summit):
    api, event = summit.api, summit.event_id
    for body in ({}, {"email": "dana@example.org", "person_id": summit.people["Sam"]}):
        refused = api.post(summit.organizer, f"/events/{event}/attendees",
                           profile={"name": "Dana"}, **body)
        assert refused.status_code == 422 and "Say whom" in refused.json()["detail"]
    for email in ("sam@example.org", "erin@example.org"):  # known or not: refused alike
        nameless = api.post(summit.organizer, f"/events/{event}/staff", email=email)
        assert nameless.status_code == 422, nameless.text
        assert nameless.json()["detail"] == "Say the name of the person with this email address."


def test_only_the_events_organizers_register_by_email(summit):
    api, event = summit.api, summit.event_id
    alice = summit.people["Alice"]
    for path, body in ((f"/events/{event}/attendees", {"profile": {"name": "Eve"}}),
                       (f"/events/{event}/staff", {"name": "Eve"})):
        refused = api.post(alice, path, email="eve@example.org", **body)
        assert refused.status_code == 403
    api.do(summit.organizer, f"/events/{event}/attendees", email="eve@example.org",
           profile={"name": "Eve"}, command_id=str(uuid.uuid4()))


def test_an_organizer_is_not_shown_the_link_of_someone_at_another_organizers_event(summit):
    """Dana never signed in. Rita registers her by email at her own event, but Dana is at
    the summit too, which Rita does not organize: Rita can only have a link emailed."""
    api = summit.api
    summit.guest("Dana")
    rita, event = summit.rival("Rita")
    api.do(rita, f"/events/{event}/attendees", email="dana@example.org", profile={"name": "D"})
    shown = api.post(rita, f"/events/{event}/attendees/{summit.people['Dana']}/sign-in-link")
    assert shown.status_code == 403 and "event you do not organize" in shown.json()["detail"]
    own = api.do(rita, f"/events/{event}/attendees", email="fay@example.org",
                 profile={"name": "Fay"})
    assert api.do(rita, f"/events/{event}/attendees/{own['person_id']}/sign-in-link")["link"]
    staffed = api.do(rita, f"/events/{event}/staff", name="Gus", email="gus@example.org")
    api.do(summit.organizer, f"/events/{summit.event_id}/attendees",
           person_id=staffed["person_id"], profile={"name": "Gus"})
    path = f"/events/{summit.event_id}/attendees/{staffed['person_id']}/sign-in-link"
    assert api.post(summit.organizer, path).status_code == 403, "staff elsewhere counts too"
