"""Speaking to the API as a given person, the way a phone would."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import httpx
from litestar.testing import TestClient

from tests.scenario import ROOT

PROBLEM = "application/problem+json"


def as_person(person_id: UUID | str) -> dict[str, str]:
    return {"X-Goodwill-Person": str(person_id)}


@dataclass
class Api:
    client: TestClient
    position: int = field(default=0)

    def post(self, who: UUID, path: str, **body: Any) -> httpx.Response:
        """A command; a fresh command id unless the test brings its own."""
        body.setdefault("command_id", str(uuid.uuid4()))
        return self.client.post(f"/api/v1{path}", json=body, headers=as_person(who),
                                params={"after": self.position})

    def do(self, who: UUID, path: str, **body: Any) -> dict[str, Any]:
        """A command that must succeed; remembers its position for the next read."""
        response = self.post(who, path, **body)
        assert response.status_code in (200, 201), response.text
        self.position = max(self.position, response.json()["position"])
        return response.json()["result"]

    def get(self, who: UUID, path: str, **params: Any) -> httpx.Response:
        """A read that sees every command this test has sent so far."""
        return self.client.get(f"/api/v1{path}", headers=as_person(who),
                               params={"after": self.position, **params})

    def read(self, who: UUID, path: str, **params: Any) -> Any:
        response = self.get(who, path, **params)
        assert response.status_code == 200, response.text
        assert "x-goodwill-stale" not in response.headers
        return response.json()

    def founding_organizer(self) -> UUID:
        """No API call can make the first organizer: the command line does it, as here."""
        app = self.client.app.state.system.app
        person = app.register_person(ROOT, uuid.uuid4(), "Olga Organizer", "olga@example.org")
        granted = app.grant_organizer_role(ROOT, uuid.uuid4(), person.result["person_id"])
        self.position = granted.position
        return person.result["person_id"]
