"""Many processes on one store: what must hold for all of them holds across processes."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import httpx
import pytest

from goodwill.bootstrap import bootstrap
from goodwill.cli.common import opened
from goodwill.http.core.identity import CSRF_COOKIE, CSRF_HEADER
from tests.browser.conftest import Links, seeded
from tests.scenario import ROOT
from tests.serving import projecting, read_model_lags, served, wrong_codes_answered


def test_two_servers_on_one_store_count_against_one_limit(settings, tmp_path):
    """Wrong join codes from one address, sent in turn to two servers of one store: the
    eleventh is refused, whichever server it reaches."""
    with (served(tmp_path, store=settings.database_url) as (_, first),
          served(tmp_path, store=settings.database_url) as (_, second)):
        answered = [wrong_codes_answered(port, 1, start=n)[0]
                    for n, port in enumerate([first, second] * 8)]
    assert answered == [404] * 10 + [429] * 6


def test_four_workers_give_a_client_the_limit_one_worker_does(settings, tmp_path):
    with served(tmp_path, "--workers", "4", store=settings.database_url) as (_, port):
        answered = wrong_codes_answered(port, 20)
    assert answered == [404] * 10 + [429] * 10


def test_on_postgresql_web_workers_serve_and_goodwill_project_keeps_the_read_models(
        settings, tmp_path):
    """The web process answers but leaves the log alone, however long it waits; a
    ``goodwill project`` beside it brings every read model up to the log's head."""
    if not settings.is_postgres:
        pytest.skip("a SQLite store keeps one process doing both")
    system = bootstrap(settings)
    try:
        system.app.register_person(ROOT, uuid.uuid4(), "Olga Organizer", "olga@example.org")
    finally:
        system.close()
    with served(tmp_path, store=settings.database_url) as (_, port):
        time.sleep(4 * settings.projection_poll_seconds)
        untouched = set(read_model_lags(port).values())  # each at 0, the log's head away
        assert len(untouched) == 1 and untouched != {0}
        with projecting(tmp_path, settings.database_url):
            deadline = time.monotonic() + 10
            while set(read_model_lags(port).values()) != {0}:
                assert time.monotonic() < deadline, read_model_lags(port)
                time.sleep(0.1)


def test_a_revocation_or_forgetting_answered_by_one_server_holds_on_the_other_at_once(
        settings, tmp_path):
    """Two servers on one store (and on PostgreSQL the projection worker beside them): what
    the first answers — a revoked link, a revoked door device, a person forgotten — holds
    for the very next request the second serves."""
    links = Links()
    live = seeded(settings, settings.site_url, ("Ann Ash", "Bob Baker"), links)
    url, event = settings.database_url, live.organizer.event_id
    with ExitStack() as running:
        if settings.is_postgres:
            running.enter_context(projecting(tmp_path, url))
        first, second = (running.enter_context(served(tmp_path, store=url))[1] for _ in "ab")
        system = running.enter_context(opened(settings))  # mints each sign-in link
        links.app = system.app
        organizer, ann, bob = (running.enter_context(signed_in(first, someone.token))
                               for someone in (live.organizer, live.alice, live.bob))

        assert ann.get(at(second, "/api/v1/me/ledger")).status_code == 200
        command(organizer, first, f"/events/{event}/attendees/{live.alice.guest.person_id}"
                                  "/sign-in-link/revoke")
        assert ann.get(at(second, "/api/v1/me/ledger")).status_code == 401

        device = command(organizer, first, f"/events/{event}/devices", label="Door 1")
        door = running.enter_context(httpx.Client(
            headers={"Authorization": f"Bearer {device['result']['token']}"}))
        assert scan(door, second, event, live.alice.guest.ticket_code).status_code == 200
        command(organizer, first, f"/events/{event}/devices/{device['result']['device_id']}"
                                  "/revoke")
        assert scan(door, second, event, live.bob.guest.ticket_code).status_code == 401

        roster = at(second, f"/api/v1/events/{event}/attendees")
        assert "Bob Baker" in organizer.get(roster).text
        forgotten = command(bob, first, "/me/forget")
        assert bob.get(at(second, "/api/v1/me/ledger")).status_code == 401
        after = organizer.get(roster, params={"after": forgotten["position"]})
        assert after.status_code == 200 and "Bob Baker" not in after.text


def at(port: int, path: str) -> str:
    return f"http://127.0.0.1:{port}{path}"


@contextmanager
def signed_in(port: int, token: str) -> Iterator[httpx.Client]:
    """A client holding the session its sign-in link opened; its cookies name no port, so
    it is signed in on every server of the store."""
    with httpx.Client() as client:
        assert client.post(at(port, "/s"), data={"token": token}).status_code == 303
        client.headers[CSRF_HEADER] = client.cookies[CSRF_COOKIE]
        yield client


def command(client: httpx.Client, port: int, path: str, **body: object) -> dict:
    answer = client.post(at(port, f"/api/v1{path}"), json={"command_id": str(uuid.uuid4()),
                                                           **body})
    assert answer.status_code in (200, 201), answer.text
    return answer.json()


def scan(door: httpx.Client, port: int, event, ticket_code: str) -> httpx.Response:
    return door.post(at(port, "/api/v1/tickets/check-in"), json={
        "command_id": str(uuid.uuid4()), "conference_id": str(event), "list_key": "main",
        "ticket_code": ticket_code, "device": "door-1"})


def test_a_process_that_stops_listening_disturbs_no_other(settings, caplog):
    """Stopping wakes a process's own listener with an empty announcement, which every
    process of the server hears: the others let it pass, with no error and no reconnection."""
    if not settings.is_postgres:
        pytest.skip("SQLite has no one to listen to")
    stopping, staying = bootstrap(settings), bootstrap(settings)
    try:
        for system in (stopping, staying):
            system.start(projecting=True)
        time.sleep(0.5)  # both listening
        started = time.monotonic()
        stopping.close()
        assert time.monotonic() - started < 1
        time.sleep(0.2)
    finally:
        staying.close()
    assert "LISTEN failed" not in caplog.text
