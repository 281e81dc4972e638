"""Attendees sign in with a personal link, organizers with a password; sessions live in a
signed cookie that revoking the link ends."""

from __future__ import annotations

import time
import uuid
from urllib.parse import urlsplit

from goodwill.domain.credential import Account, account_id
from tests.http.api import PROBLEM
from tests.scenario import ROOT


def flags(response, name: str) -> set[str]:
    cookie, = [c for c in response.headers.get_list("set-cookie") if c.startswith(f"{name}=")]
    return {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}


def link(summit, name: str, **body) -> dict:
    return summit.api.do(summit.organizer, f"/events/{summit.event_id}/attendees/"
                         f"{summit.people[name]}/sign-in-link", **body)


def test_the_sign_in_page_spends_nothing_and_the_form_sets_the_session(summit):
    client, token = summit.api.client, link(summit, "Alice")["link"].split("#")[1]
    page = client.get("/s")
    assert page.status_code == 200 and 'action="/s"' in page.text and token not in page.text
    assert "set-cookie" not in page.headers and page.headers["cache-control"] == "no-store"
    signed_in = client.post("/s", data={"token": token}, follow_redirects=False)
    assert (signed_in.status_code, signed_in.headers["location"]) == (303, "/")
    assert flags(signed_in, "goodwill_session") >= {"httponly", "path", "samesite", "max-age"}
    assert "samesite=lax" in signed_in.headers["set-cookie"].lower()
    assert "secure" not in flags(signed_in, "goodwill_session")
    assert "httponly" not in flags(signed_in, "goodwill_csrf")
    me = client.get("/auth/session").json()
    assert me["person_id"] == summit.people["Alice"]


def test_over_https_the_cookies_are_secure(summit):
    token = link(summit, "Alice")["link"].split("#")[1]
    summit.api.client.base_url = "https://testserver.local"
    signed_in = summit.api.client.post("/s", data={"token": token}, follow_redirects=False)
    assert "secure" in flags(signed_in, "goodwill_session")
    assert "secure" in flags(signed_in, "goodwill_csrf")


def test_a_link_is_shown_again_unchanged_until_revoked(summit):
    api, alice = summit.api, summit.people["Alice"]
    first, again = link(summit, "Alice"), link(summit, "Alice")
    assert first["link"] == again["link"] and "/s#gwl_" in first["link"]
    assert urlsplit(first["link"]).path == "/s"  # the token is in no request line, so no log
    session = api.sign_in(first["link"].split("#")[1])
    assert api.client.get("/api/v1/events", headers=session).status_code == 200
    api.do(summit.organizer, f"/events/{summit.event_id}/attendees/{alice}/sign-in-link/revoke")
    refused = api.client.post("/s", data={"token": first["link"].split("#")[1]})
    assert (refused.status_code, refused.headers["content-type"]) == (401, PROBLEM)
    after = api.client.get("/api/v1/events", headers=session, params={"after": api.position})
    assert after.status_code == 401
    assert link(summit, "Bob")["link"] != first["link"]


def test_once_an_attendee_has_signed_in_an_organizer_can_only_email_them_a_link(summit):
    """An organizer shows a link to someone who has never signed in; after that, showing is
    refused (the organizer could act as them), and a new link can only go to their own
    email, which this server (no SMTP) cannot send, and says why."""
    api, alice = summit.api, summit.people["Alice"]
    api.sign_in(link(summit, "Alice")["link"].split("#")[1])
    path = f"/events/{summit.event_id}/attendees/{alice}/sign-in-link"
    shown = api.post(summit.organizer, path)
    assert (shown.status_code, shown.headers["content-type"]) == (403, PROBLEM)
    assert "signed in before" in shown.json()["detail"] and "gwl_" not in shown.text
    emailed = api.post(summit.organizer, f"{path}/email")
    assert emailed.status_code == 422 and "sends no email" in emailed.json()["detail"]
    assert api.post(summit.people["Bob"], f"{path}/email").status_code == 403


def test_a_link_works_once_and_opens_a_session_of_the_browsers_own(summit):
    """The cookie names a session the link opened, not the link, which is spent: whoever
    else saw it cannot sign in with it. Revoking ends every session opened with a link."""
    api, alice = summit.api, summit.people["Alice"]
    shown = link(summit, "Alice")["link"].split("#")[1]
    phone = api.sign_in(shown)
    cookie = phone["Cookie"].split("=", 1)[1]
    opened = api.keys.session_of(cookie, int(time.time()))
    link_id = api.keys.credential_of("sign-in-link", shown)
    assert opened.person_id == uuid.UUID(alice) and opened.credential_id != link_id
    assert api.client.get("/api/v1/events", headers=phone).status_code == 200
    again = api.client.post("/s", data={"token": shown}, follow_redirects=False)
    assert (again.status_code, again.headers["content-type"]) == (401, PROBLEM)
    assert "already used" in again.json()["detail"] and "set-cookie" not in again.headers
    page = api.client.post("/s", data={"token": shown}, headers={"Accept": "text/html"})
    assert page.status_code == 401 and "<h1>This link was already used</h1>" in page.text
    assert "ask the event's organizers at the desk" in page.text  # no SMTP here
    api.do(summit.organizer, f"/events/{summit.event_id}/attendees/{alice}/sign-in-link/revoke")
    assert api.client.get("/api/v1/events", headers=phone).status_code == 401


def test_only_the_event_s_organizers_hand_out_links_and_never_for_an_organizer(summit):
    api, event = summit.api, summit.event_id
    path = f"/events/{event}/attendees/{summit.people['Bob']}/sign-in-link"
    assert api.post(summit.people["Alice"], path).status_code == 403
    api.do(summit.organizer, "/people/organizers", person_id=summit.people["Bob"])
    assert api.post(summit.organizer, path).status_code == 403


def test_a_link_is_no_bearer_token_and_a_device_token_signs_a_browser_in_as_the_device(summit):
    api = summit.api
    link_token = link(summit, "Alice")["link"].split("#")[1]
    bearer = api.client.get("/api/v1/events", headers={"Authorization": f"Bearer {link_token}"})
    assert bearer.status_code == 401
    device = api.do(summit.organizer, f"/events/{summit.event_id}/devices", label="Door 1")
    as_browser = api.client.post("/s", data={"token": device["token"]}, follow_redirects=False)
    assert as_browser.status_code == 303, as_browser.text
    assert as_browser.headers["location"] == f"/events/{summit.event_id}/desk"
    assert api.client.get("/auth/session").json()["person_id"] == device["device_id"]


def test_sign_out_forgets_the_session(summit):
    client = summit.api.client
    client.post("/s", data={"token": link(summit, "Alice")["link"].split("#")[1]})
    csrf = client.cookies["goodwill_csrf"]
    out = client.post("/auth/sign-out", data={"csrf_token": csrf}, follow_redirects=False)
    assert (out.status_code, out.headers["location"]) == (303, "/s")
    assert "max-age=0" in out.headers["set-cookie"].lower()
    assert client.get("/auth/session").status_code == 401


def test_resend_answers_alike_for_known_and_unknown_emails(summit):
    client, event = summit.api.client, summit.event_id
    known = client.post("/auth/resend", json={"email": "alice@example.org",
                                              "conference_id": event})
    unknown = client.post("/auth/resend", json={"email": "nobody@example.org",
                                                "conference_id": event})
    assert known.status_code == unknown.status_code == 202
    assert known.json() == unknown.json()


def test_an_organizer_signs_in_with_a_password(api):
    olga, app = api.founding_organizer(), api.system.app
    app.set_password(ROOT, uuid.uuid4(), olga, "correct horse battery staple")
    assert app.find(Account, account_id(olga)).password_hash.startswith("$argon2id$")
    wrong = api.client.post("/auth/organizer", json={"email": "olga@example.org",
                                                     "password": "incorrect"})
    assert (wrong.status_code, wrong.headers["content-type"]) == (401, PROBLEM)
    right = api.client.post("/auth/organizer", json={"email": "OLGA@example.org",
                                                     "password": "correct horse battery staple"})
    assert right.status_code == 200 and "httponly" in flags(right, "goodwill_session")
    created = api.client.post("/api/v1/events", headers={"X-CSRF-Token": right.json()["csrf_token"]},
                              json={"command_id": str(uuid.uuid4()), "name": "Meetup",
                                    "starts_on": "2026-12-01", "ends_on": "2026-12-01",
                                    "timezone": "Europe/Berlin"})
    assert created.status_code == 201, created.text


def test_the_attendee_sees_on_their_data_page_every_link_an_organizer_was_shown(summit):
    api, alice = summit.api, summit.people["Alice"]
    link(summit, "Alice")
    api.position = api.system.app.recorder.max_notification_id()
    page = api.client.get("/me/data", headers={**api.headers(alice), "Accept": "text/html"},
                          params={"after": api.position})
    assert page.status_code == 200
    assert "Sign-in links organizers handed out for me" in page.text
    assert "UTC, <bdi>Reciprocity Summit</bdi>: <bdi>Olga Organizer</bdi> was shown my link</li>" in page.text
    log = api.read(summit.organizer, f"/events/{summit.event_id}/audit")
    shown = [entry for entry in log if entry["command"] == "issue_sign_in_link"]
    assert shown[0]["result_ids"]["person_id"] == alice
    bob = api.client.get("/me/data", headers=api.headers(summit.people["Bob"]),
                         params={"after": api.position})
    assert "was shown my link" not in bob.text
