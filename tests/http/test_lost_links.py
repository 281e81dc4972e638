"""A lost link is emailed when SMTP is configured; the answer never tells who attends."""

from __future__ import annotations

import dataclasses
import email
import email.policy
import socketserver
import threading
from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from goodwill.domain.credential import EMAILS_PER_HOUR
from goodwill.http import create_app
from goodwill.rate_limits import LIMITS, Limit
from tests.http.api import Api


class Inbox(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib to hand over one message."""

    def handle(self) -> None:
        self.wfile.write(b"220 ready\r\n")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                self.server.messages.append(b"".join(iter(self._line, b".\r\n")).decode())
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            self.wfile.write(b"250 ok\r\n")

    def _line(self) -> bytes:
        return self.rfile.readline()


@pytest.fixture
def mailed(settings) -> Iterator[tuple[Api, list[str]]]:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Inbox)
    server.messages = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    configured = dataclasses.replace(settings, smtp_url=f"smtp://127.0.0.1:{server.server_address[1]}",
                                     public_url="https://goodwill.example")
    with TestClient(create_app(configured), base_url=configured.public_url) as client:
        yield Api(client), server.messages
    server.shutdown()


def meetup_with_alice(api: Api) -> tuple[str, str]:
    """An event with one attendee, Alice, who registered with her email."""
    olga = api.founding_organizer()
    event = api.do(olga, "/events", name="Meetup", starts_on="2026-12-01", ends_on="2026-12-01",
                   timezone="Europe/Berlin")["conference_id"]
    alice = api.do(olga, f"/events/{event}/attendees", email="alice@example.org",
                   profile={"name": "Alice"})["person_id"]
    return event, alice


def test_a_known_attendee_gets_a_link_that_signs_them_in(mailed):
    api, inbox = mailed
    event, alice = meetup_with_alice(api)
    for address in ("nobody@example.org", "alice@example.org"):
        sent = api.client.post("/auth/resend", json={"email": address, "conference_id": event})
        assert sent.status_code == 202
    message = email.message_from_string(*inbox, policy=email.policy.default)
    assert message["To"] == "alice@example.org"
    link = next(w for w in message.get_content().split()
                if w.startswith("https://goodwill.example/s#"))
    assert api.client.get("/auth/session", headers=api.sign_in(link.split("#")[1])).json()[
        "person_id"] == alice


def test_the_holder_of_a_used_link_gets_a_new_one_by_email_never_on_the_page(mailed):
    api, inbox = mailed
    event, alice = meetup_with_alice(api)
    used = api.link_token(alice)
    api.sign_in(used)
    page = api.client.post("/s", data={"token": used}, headers={"Accept": "text/html"})
    assert page.status_code == 401 and "Email me a new link" in page.text
    renewed = api.client.post("/s/renew", data={"token": used})
    assert renewed.status_code == 200 and "on its way" in renewed.text
    assert "gwl_" not in renewed.text.replace(used, "")
    message = email.message_from_string(*inbox, policy=email.policy.default)
    assert message["To"] == "alice@example.org"
    fresh = next(w for w in message.get_content().split()
                 if w.startswith("https://goodwill.example/s#")).split("#")[1]
    assert fresh != used and api.client.get(
        "/auth/session", headers=api.sign_in(fresh)).json()["person_id"] == alice


def test_the_lost_link_page_emails_a_link_a_few_times_an_hour_to_one_address(mailed):
    api, inbox = mailed
    api.client.app.state.system.limits.limits = {**LIMITS, "resend": Limit(100, 60)}
    meetup_with_alice(api)
    form = api.client.get("/s/lost")
    assert form.status_code == 200 and 'name="email"' in form.text
    unknown, known = (api.client.post("/s/lost", data={"email": address})
                      for address in ("nobody@example.org", "alice@example.org"))
    assert unknown.status_code == known.status_code == 200
    assert unknown.text == known.text and "on its way" in known.text
    for _ in range(EMAILS_PER_HOUR + 2):
        assert api.client.post("/s/lost", data={"email": "ALICE@example.org"}).text == known.text
    assert len(inbox) == EMAILS_PER_HOUR
    assert {email.message_from_string(m, policy=email.policy.default)["To"].lower()
            for m in inbox} == {"alice@example.org"}


def test_the_lost_link_page_says_when_the_server_sends_no_email(api):
    page = api.client.get("/s/lost")
    assert "sends no email" in page.text and 'name="email"' not in page.text
    assert 'href="/s/lost"' in api.client.get("/s").text


def test_where_mail_is_configured_the_welcome_offers_to_email_a_link(mailed):
    api, inbox = mailed
    welcome = api.client.get("/")
    assert welcome.status_code == 200 and 'action="/s/lost"' in welcome.text
    assert "Email me a sign-in link</button>" in welcome.text
    _, alice = meetup_with_alice(api)
    answers = [api.client.post("/s/lost", data={"email": address}).text
               for address in ("nobody@example.org", "alice@example.org")]
    assert answers[0] == answers[1], "the same answer whether or not the address is known"
