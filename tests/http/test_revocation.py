"""A revocation holds for every request that starts after its answer: whether a session's
link, password or device still stands is asked of the event store on every request, not of
a read model that may lag behind — in one process, and in two that share one store."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from goodwill.http import create_app
from tests.http.api import Api
from tests.http.test_devices import as_device, issue, scan

WRITES = 50


def note(api: Api, summit, session: dict[str, str]) -> int:
    """One write by Alice, sent at once: no ``after``, nothing waits for the read models."""
    return api.client.post("/api/v1/notes", headers=session, json={
        "command_id": str(uuid.uuid4()), "conference_id": summit.event_id,
        "about": summit.people["Bob"], "kind": "need", "text": "needs a designer"}).status_code


@pytest.fixture
def other_worker(settings) -> Iterator[Api]:
    """A second app on the same store, as a second worker is."""
    with TestClient(create_app(settings)) as client:
        yield Api(client)


def revoke_link(summit) -> None:
    summit.api.do(summit.organizer, f"/events/{summit.event_id}/attendees/"
                                    f"{summit.people['Alice']}/sign-in-link/revoke")


def test_no_write_with_a_revoked_link_is_accepted_after_the_revoke_answers(summit):
    api = summit.api
    session = api.headers(summit.people["Alice"])
    assert note(api, summit, session) == 201
    revoke_link(summit)
    assert [note(api, summit, session) for _ in range(WRITES)] == [401] * WRITES


def test_a_revoke_answered_by_one_worker_holds_at_once_on_another(summit, other_worker):
    session = summit.api.headers(summit.people["Alice"])
    assert note(other_worker, summit, session) == 201
    revoke_link(summit)
    assert [note(other_worker, summit, session) for _ in range(WRITES)] == [401] * WRITES


def test_a_revoked_device_scans_nothing_after_the_revoke_answers(summit, other_worker):
    device = issue(summit)
    assert scan(summit, device["token"], summit.event_id).status_code == 200
    summit.api.do(summit.organizer,
                  f"/events/{summit.event_id}/devices/{device['device_id']}/revoke")
    refused = [other_worker.client.post("/api/v1/tickets/check-in",
                                        headers=as_device(device["token"]), json={
        "command_id": str(uuid.uuid4()), "conference_id": summit.event_id,
        "list_key": "main", "ticket_code": summit.guests["Alice"]["ticket_code"],
        "device": "door-1"}).status_code for _ in range(WRITES)]
    assert refused == [401] * WRITES


def test_a_person_forgotten_on_one_worker_is_forgotten_on_another_at_its_next_request(
        summit, other_worker, settings):
    """The other worker held Alice's key, having sealed her note with it: once her
    forgetting is answered, her session opens nothing there, the directory it serves no
    longer lists her, and its key cache has let the key go (on SQLite before the next
    lookup; on PostgreSQL as the announcement arrives, in milliseconds: 5 s is the bound)."""
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    session = summit.api.headers(alice)
    assert note(other_worker, summit, session) == 201
    keyring = other_worker.client.app.state.system.app.keyring
    assert keyring.key(uuid.UUID(alice)) is not None
    summit.api.do(alice, "/me/forget")
    assert note(other_worker, summit, session) == 401
    other_worker.position, other_worker.sessions = summit.api.position, summit.api.sessions
    assert [p["name"] for p in other_worker.read(bob, f"/events/{summit.event_id}/directory")
            ] == ["Bob"]
    deadline = time.monotonic() + (5 if settings.is_postgres else 0)
    while keyring.key(uuid.UUID(alice)) is not None:
        assert time.monotonic() < deadline, "the other worker still holds the key"
        time.sleep(0.001)
