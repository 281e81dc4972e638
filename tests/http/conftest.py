"""The API through Litestar's test client, lifespan and all, on both stores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from uuid import UUID

import pytest
from litestar.testing import TestClient

from goodwill.http import create_app
from goodwill.settings import Settings
from tests.http.api import Api


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@dataclass
class Summit:
    """An event set up entirely through the API: an organizer, a door steward and guests."""

    api: Api
    organizer: UUID
    event_id: str = ""
    people: dict[str, str] = field(default_factory=dict)
    guests: dict[str, dict] = field(default_factory=dict)

    def person(self, name: str) -> str:
        """Someone at none of this summit's events."""
        self.people[name] = self.api.person(name, f"{name.lower()}@example.org")
        return self.people[name]

    def rival(self, name: str) -> tuple[str, str]:
        """Another organizer, and an event of their own that nobody here attends."""
        rival = self.person(name)
        self.api.do(self.organizer, "/people/organizers", person_id=rival)
        event = self.api.do(rival, "/events", name=f"{name}'s meetup", starts_on="2026-12-01",
                            ends_on="2026-12-01", timezone="UTC")["conference_id"]
        return rival, event

    def guest(self, name: str, listed: bool = True) -> dict:
        """An attendee, registered by email as an organizer does."""
        self.guests[name] = self.api.do(
            self.organizer, f"/events/{self.event_id}/attendees",
            email=f"{name.lower()}@example.org",
            profile={"name": name, "company": f"{name} Ltd", "offers": "UX reviews"},
            consent={"listed_in_directory": listed})
        self.people[name] = self.guests[name]["person_id"]
        return self.guests[name]


@pytest.fixture
def summit(api: Api) -> Summit:
    summit = Summit(api, api.founding_organizer())
    summit.event_id = api.do(
        summit.organizer, "/events", name="Reciprocity Summit", starts_on="2026-11-25",
        ends_on="2026-11-26", timezone="Europe/Berlin", venue="Congress Hall",
        check_in_lists={"main": "Main entrance", "workshop": "Workshop room"})["conference_id"]
    summit.people["Sam"] = api.do(summit.organizer, f"/events/{summit.event_id}/staff",
                                  name="Sam", email="sam@example.org")["person_id"]
    summit.guest("Alice")
    summit.guest("Bob")
    return summit
