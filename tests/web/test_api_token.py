"""A personal API token: made by the attendee on their own page and shown to them once, it
acts as them from scripts until they make a new one or revoke it, or an organizer revokes
their link."""

from __future__ import annotations

import re

from tests.web.pages import assert_page, browser, form_to


def my_page(summit, who: str) -> tuple[str, dict[str, str]]:
    api = summit.api
    headers = browser(api.headers(summit.people[who]))
    page = api.client.get("/me/data", headers=headers, params={"after": api.position})
    return assert_page(page), headers


def press(summit, headers: dict[str, str], page: str, action: str):
    return summit.api.client.post(action, data=form_to(page, action), headers=headers,
                                  follow_redirects=False)


def token_in(page: str) -> str | None:
    found = re.search(r'<input id="api-token-value" readonly value="([^"]+)"', page)
    return found and found[1]


def as_token(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_token_is_shown_once_and_acts_as_its_holder_until_replaced_or_revoked(summit):
    api = summit.api
    page, headers = my_page(summit, "Alice")
    assert token_in(page) is None and "Make an API token" in page
    made = press(summit, headers, page, "/me/data/api-token")
    assert made.headers["cache-control"] == "no-store"
    token = token_in(assert_page(made))
    assert token.startswith("gwp_")
    assert token_in(assert_page(press(summit, headers, page, "/me/data/api-token"))) is None, \
        "a resent form shows no token"
    again, _ = my_page(summit, "Alice")
    assert token_in(again) is None and "It is not shown again" in again
    me = api.client.get("/api/v1/me/timeline", headers=as_token(token))
    assert me.status_code == 200
    noted = api.client.post("/api/v1/notes", headers=as_token(token), json={
        "command_id": "6f1c3a52-4d0e-4bb4-9a5f-0c2d7e9b1a10", "conference_id": summit.event_id,
        "about": summit.people["Bob"], "kind": "need", "text": "A designer"})
    assert noted.status_code == 201, noted.text
    newer = token_in(assert_page(press(summit, headers, again, "/me/data/api-token")))
    assert newer != token
    assert api.client.get("/api/v1/me/timeline", headers=as_token(token)).status_code == 401
    assert api.client.get("/api/v1/me/timeline", headers=as_token(newer)).status_code == 200
    latest, _ = my_page(summit, "Alice")
    assert press(summit, headers, latest, "/me/data/api-token/revoke").status_code == 303
    assert api.client.get("/api/v1/me/timeline", headers=as_token(newer)).status_code == 401


def test_an_organizer_revoking_a_link_ends_the_token_and_a_forged_one_is_refused(summit):
    api = summit.api
    page, headers = my_page(summit, "Bob")
    token = token_in(assert_page(press(summit, headers, page, "/me/data/api-token")))
    api.do(summit.organizer, f"/events/{summit.event_id}/attendees/{summit.people['Bob']}"
                             "/sign-in-link/revoke")
    assert api.client.get("/api/v1/me/timeline", headers=as_token(token)).status_code == 401
    forged = "gwp_" + token[4:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert api.client.get("/api/v1/me/timeline", headers=as_token(forged)).status_code == 401
