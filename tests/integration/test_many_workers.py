"""Many processes on one store: what must hold for all of them holds across processes."""

from __future__ import annotations

import time
import uuid

import pytest

from goodwill.bootstrap import bootstrap
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
