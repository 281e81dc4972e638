"""Speaking to the API as a given person, the way a phone would: signed in for real, with
a personal link, each person's session kept apart."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import httpx
from litestar.testing import TestClient

from goodwill.domain.ids import attendee_id
from goodwill.http.core.identity import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from goodwill.tokens import SIGN_IN_LINK
from tests.scenario import ROOT

PROBLEM = "application/problem+json"


@dataclass
class Api:
    client: TestClient
    position: int = field(default=0)
    sessions: dict[str, dict[str, str]] = field(default_factory=dict)

    def post(self, who: UUID, path: str, **body: Any) -> httpx.Response:
        """A command; a fresh command id unless the test brings its own."""
        body.setdefault("command_id", str(uuid.uuid4()))
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers(who),
                                params={"after": self.position})

    def do(self, who: UUID, path: str, **body: Any) -> dict[str, Any]:
        """A command that must succeed; remembers its position for the next read."""
        response = self.post(who, path, **body)
        assert response.status_code in (200, 201), response.text
        self.position = max(self.position, response.json()["position"])
        return response.json()["result"]

    def get(self, who: UUID, path: str, **params: Any) -> httpx.Response:
        """A read that sees every command this test has sent so far."""
        return self.client.get(f"/api/v1{path}", headers=self.headers(who),
                               params={"after": self.position, **params})

    def read(self, who: UUID, path: str, **params: Any) -> Any:
        response = self.get(who, path, **params)
        assert response.status_code == 200, response.text
        assert "x-goodwill-stale" not in response.headers
        return response.json()

    def headers(self, who: UUID | str) -> dict[str, str]:
        """The person's session cookie and CSRF token, signing them in on first use."""
        if str(who) not in self.sessions:
            self.sessions[str(who)] = self.sign_in(self.link_token(who))
        return self.sessions[str(who)]

    def link_token(self, who: UUID | str) -> str:
        """What an organizer's link or an email would carry, issued the command line's way."""
        issued = self.system.app.issue_sign_in_link(ROOT, uuid.uuid4(), UUID(str(who)))
        self.position = max(self.position, issued.position)
        return self.keys.token(SIGN_IN_LINK, issued.result["credential_id"])

    def sign_in(self, token: str) -> dict[str, str]:
        """Posts the sign-in page's form; the cookies it sets leave the shared client's jar
        at once, so the next person signs in with a jar of their own."""
        signed_in = self.client.post("/s", data={"token": token}, follow_redirects=False)
        assert signed_in.status_code == 303, signed_in.text
        cookies = dict(signed_in.cookies)
        self.client.cookies.clear()
        self.position = self.system.app.recorder.max_notification_id()  # the session opened
        return {"Cookie": f"{SESSION_COOKIE}={cookies[SESSION_COOKIE]}",
                CSRF_HEADER: cookies[CSRF_COOKIE]}

    @property
    def system(self):
        return self.client.app.state.system

    @property
    def keys(self):
        return self.client.app.state.signer

    def person(self, name: str, email: str) -> str:
        """Someone Goodwill knows but who is at none of the events a test makes: no API call
        registers a person on their own, so this is done as the command line does it."""
        made = self.system.app.register_person(ROOT, uuid.uuid4(), name, email)
        self.position = max(self.position, made.position)
        return str(made.result["person_id"])

    def meet(self, who: UUID | str, other: UUID | str, conference_id: UUID | str,
             **extra: Any) -> dict[str, Any]:
        """``who`` scans ``other``'s badge at the event: the proof of meeting that connects
        them at once. The connect code is read off the badge as a phone's camera would."""
        badge = self.system.app.repository.get(attendee_id(UUID(str(conference_id)),
                                                            UUID(str(other))))
        return self.do(who, "/connections/badge", connect_code=badge.connect_code, **extra)

    def introduce(self, who: UUID | str, conference_id: UUID | str, person_a: UUID | str,
                  person_b: UUID | str, **extra: Any) -> dict[str, Any]:
        """``who`` introduces two people they met: their badges scanned first, as only
        someone connected with both may introduce them."""
        for person in (person_a, person_b):
            self.meet(who, person, conference_id)
        return self.do(who, "/introductions", conference_id=str(conference_id),
                       person_a=str(person_a), person_b=str(person_b), **extra)

    def founding_organizer(self) -> UUID:
        """No API call can make the first organizer: the command line does it, as here."""
        app = self.system.app
        person = app.register_person(ROOT, uuid.uuid4(), "Olga Organizer", "olga@example.org")
        granted = app.grant_organizer_role(ROOT, uuid.uuid4(), person.result["person_id"])
        self.position = granted.position
        return person.result["person_id"]
