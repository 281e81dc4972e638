"""CSRF on cookie-authenticated writes, security headers on every answer, and rate limits
that answer 429 with Retry-After."""

from __future__ import annotations

import time
import uuid

import pytest

from goodwill.rate_limits import Limit
from tests.http.api import PROBLEM

EVENT = {"name": "Meetup", "starts_on": "2026-12-01", "ends_on": "2026-12-01",
         "timezone": "Europe/Berlin"}


def test_a_cookie_authenticated_write_needs_the_csrf_token(api):
    session = api.headers(api.founding_organizer())
    cookie_only = {"Cookie": session["Cookie"]}
    body = {"command_id": str(uuid.uuid4()), **EVENT}
    refused = api.client.post("/api/v1/events", json=body, headers=cookie_only)
    assert (refused.status_code, refused.headers["content-type"]) == (403, PROBLEM)
    assert "X-CSRF-Token" in refused.json()["detail"]
    wrong = api.client.post("/api/v1/events", json=body,
                            headers={**cookie_only, "X-CSRF-Token": "x" * 43})
    assert wrong.status_code == 403
    assert api.client.post("/api/v1/events", json=body, headers=session).status_code == 201
    assert api.client.get("/api/v1/events", headers=cookie_only).status_code == 200


def test_a_form_from_another_site_cannot_sign_anyone_in(api):
    token = api.link_token(api.founding_organizer())
    forged = api.client.post("/s", data={"token": token},
                             headers={"Origin": "https://evil.example"})
    assert forged.status_code == 403 and "set-cookie" not in forged.headers


@pytest.mark.parametrize("path", ["/healthz", "/s", "/api/v1/events", "/nowhere"])
def test_every_answer_carries_the_security_headers(client, path):
    answer = client.get(path)
    csp = answer.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in answer.headers
    client.base_url = "https://testserver.local"
    assert "max-age=" in client.get(path).headers["strict-transport-security"]


def test_guessing_one_link_is_limited_with_retry_after(api):
    """Guesses at one credential share its token's prefix, whatever MAC they try."""
    good = api.link_token(api.founding_organizer())
    guesses = [good[:-6] + f"guess{n}" for n in range(11)]
    answers = [api.client.post("/s", data={"token": guess}) for guess in guesses]
    assert [a.status_code for a in answers] == [401] * 10 + [429]
    assert answers[-1].headers["content-type"] == PROBLEM
    assert 0 < int(answers[-1].headers["retry-after"]) <= 300


def test_a_venues_wrong_links_never_refuse_a_good_one_from_the_same_address(api):
    """Behind a venue's NAT every phone has one address: forty people's mistyped links
    must not lock out the next person whose link is good."""
    good = api.link_token(api.founding_organizer())
    mistakes = [api.client.post("/s", data={"token": f"gwl_mistyped{n:04d}{'x' * 20}"})
                for n in range(40)]
    assert {answer.status_code for answer in mistakes} == {401}
    assert api.client.post("/s", data={"token": good}, follow_redirects=False).status_code == 303


def test_wrong_passwords_are_limited_per_account_not_per_address(api):
    api.founding_organizer()
    wrong = [api.client.post("/auth/organizer", json={"email": "olga@example.org",
                                                      "password": f"guess-{n}"}).status_code
             for n in range(11)]
    assert wrong == [401] * 10 + [429]
    another = api.client.post("/auth/organizer", json={"email": "oscar@example.org",
                                                       "password": "guess"})
    assert another.status_code == 401


def test_asking_for_lost_links_is_limited_per_email(summit):
    def ask(email: str) -> int:
        body = {"email": email, "conference_id": summit.event_id}
        return summit.api.client.post("/auth/resend", json=body).status_code
    assert [ask("alice@example.org") for _ in range(5)] + [ask("ALICE@example.org")] == (
        [202] * 5 + [429])
    assert ask("bob@example.org") == 202


def test_a_sliding_window_forgets_old_attempts(api):
    limits = api.client.app.state.system.limits
    limits.limits = {"scan": Limit(2, 0.5), "sign-in": Limit(1, 0.5)}
    assert [limits.spend("scan", "door-1") for _ in range(3)] == [None, None, 1]
    assert limits.wait("scan", "door-1") == 1 and limits.wait("scan", "door-2") is None
    limits.count("sign-in", "door-1")
    assert limits.wait("sign-in", "door-1") == 1
    time.sleep(0.55)
    assert limits.wait("scan", "door-1") is None and limits.spend("scan", "door-1") is None


def test_sign_in_forms_trust_the_browsers_word_on_where_they_come_from(api):
    """A no-referrer page posts with Origin "null"; Sec-Fetch-Site still tells the truth."""
    same = api.client.post("/s", data={"token": "gwl_nonsense"},
                           headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    cross = api.client.post("/s", data={"token": "gwl_nonsense"},
                            headers={"Origin": "null", "Sec-Fetch-Site": "cross-site"})
    assert (same.status_code, cross.status_code) == (401, 403)
