"""The join page an event's join QR opens: a newcomer registers with what they choose to
share and is signed in at once; a wrong or retired code finds nothing."""

from __future__ import annotations

import re

import pytest

from goodwill.http.core.identity import SESSION_COOKIE
from tests.web.pages import assert_page


@pytest.fixture
def opened(summit):
    summit.api.do(summit.organizer, f"/events/{summit.event_id}/registration",
                  join_code="SUMMIT-2026")
    return summit


def filled(page: str, **fields: str) -> dict[str, str]:
    command = re.search(r'name="command_id" value="([^"]+)"', page)[1]
    return {"command_id": command, "name": "Nina Newcomer", "email": "nina@example.org",
            "company": "Kiln Co", **fields}


def test_a_newcomer_joins_with_what_they_share_and_is_signed_in(opened):
    client = opened.api.client
    page = assert_page(client.get("/j/summit-2026"))
    assert "<h1>Join <bdi>Reciprocity Summit</bdi></h1>" in page and 'action="/j/summit-2026"' in page
    assert 'type="checkbox" id="join-listed_in_directory"' in page and "checked" not in page
    form = filled(page, listed_in_directory="yes")
    answers = [client.post("/j/summit-2026", data=form, follow_redirects=False)
               for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303], "one registration, however often"
    assert answers[0].headers["location"] == "/" and SESSION_COOKIE in answers[1].cookies
    me = client.get(f"/api/v1/events/{opened.event_id}/attendees/me",
                    params={"after": opened.api.system.runner.head()}).json()
    assert (me["name"], me["company"], me["listed_in_directory"]) == (
        "Nina Newcomer", "Kiln Co", True)
    assert me["shared_with_organizer"] is False


def test_a_bad_field_or_a_known_email_comes_back_next_to_its_field(opened):
    client = opened.api.client
    page = client.get("/j/SUMMIT-2026").text
    text = assert_page(client.post("/j/SUMMIT-2026", data=filled(page, email="nina")), 400)
    assert 'id="join-email-error" role="alert">Please give an email' in text
    assert 'value="Nina Newcomer"' in text
    known = assert_page(client.post("/j/SUMMIT-2026",
                                    data=filled(page, email="alice@example.org")), 409)
    assert 'id="join-form-error" role="alert">This email is already registered' in known


def test_a_wrong_or_closed_code_finds_nothing_and_other_sites_cannot_post(opened):
    client = opened.api.client
    assert_page(client.get("/j/WRONG-CODE"), 404)
    page = client.get("/j/SUMMIT-2026").text
    cross = client.post("/j/SUMMIT-2026", data=filled(page),
                        headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False)
    assert cross.status_code == 403
    opened.api.do(opened.organizer, f"/events/{opened.event_id}/registration/close")
    assert_page(client.get("/j/SUMMIT-2026"), 404)
