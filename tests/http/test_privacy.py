"""Every read is the acting person's own, or their role's: changing an id in the URL shows
nobody else's data."""

from __future__ import annotations

import pytest

from tests.http.api import PROBLEM
from tests.scenario import ROOT


@pytest.mark.parametrize("path", ["/events/{event}/scan-log", "/events/{event}/figures",
                                  "/events/{event}/check-ins", "/tickets/{ticket}"])
def test_attendees_cannot_read_what_is_for_the_crew(summit, path):
    url = path.format(event=summit.event_id, ticket=summit.guests["Bob"]["ticket_id"])
    refused = summit.api.get(summit.people["Alice"], url)
    assert (refused.status_code, refused.headers["content-type"]) == (403, PROBLEM)


def test_staff_see_the_door_but_not_the_dashboard(summit):
    api, sam, event = summit.api, summit.people["Sam"], summit.event_id
    assert api.get(sam, f"/events/{event}/check-ins").status_code == 200
    assert api.get(sam, f"/events/{event}/scan-log").status_code == 403


def test_a_ledger_is_always_seen_from_the_reader_s_side(summit):
    api, event = summit.api, summit.event_id
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice, kind="insight")
    carol = summit.person("Carol")
    assert api.read(carol, f"/me/ledger/{bob}")["gives"] == []
    assert api.read(carol, "/me/ledger") == []
    assert api.read(bob, f"/me/ledger/{alice}")["given"]["unconfirmed"] == 1


def test_the_directory_is_for_people_at_the_event(summit):
    outsider = summit.person("Mallory")
    refused = summit.api.get(outsider, f"/events/{summit.event_id}/directory")
    assert refused.status_code == 403


@pytest.mark.parametrize("headers", [{}, {"X-Goodwill-Person": str(ROOT)},
                                     {"Cookie": "goodwill_session=forged.value"},
                                     {"Authorization": "Bearer gwd_forged"}])
def test_without_a_valid_session_or_device_token_the_answer_is_401(client, headers):
    refused = client.get("/api/v1/events", headers=headers)
    assert (refused.status_code, refused.headers["content-type"]) == (401, PROBLEM)
    assert "sign-in link" in refused.json()["detail"] or "device token" in refused.json()["detail"]
    assert refused.headers["www-authenticate"] == "Bearer"


def test_a_connection_not_listed_shows_their_name_alone(summit):
    """Meeting someone shows their name; their profile only if they list themselves."""
    api, alice = summit.api, summit.people["Alice"]
    summit.guest("Quinn", listed=False)
    quinn = summit.people["Quinn"]
    api.meet(alice, quinn, summit.event_id)
    [seen] = api.read(alice, f"/me/contacts/{quinn}")["events"]
    assert (seen["name"], seen["company"], seen["offers"]) == ("Quinn", "", "")
    page = api.client.get(f"/contacts/{quinn}", headers=api.headers(alice),
                          params={"after": api.position})
    assert "Quinn" in page.text and "Quinn Ltd" not in page.text and "UX reviews" not in page.text
    bob = summit.people["Bob"]
    api.meet(alice, bob, summit.event_id)
    assert api.read(alice, f"/me/contacts/{bob}")["events"][0]["company"] == "Bob Ltd"
