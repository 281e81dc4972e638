"""Fixtures shared by every layer. Store-backed fixtures run once per store: SQLite always,
PostgreSQL when it answers (and with CI=true, a missing PostgreSQL fails the run)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from goodwill.bootstrap import System, bootstrap
from goodwill.connections import application_name
from goodwill.settings import Settings
from tests.scenario import Scenario

SECRET_KEY = "test-secret-key-only-for-the-test-suite"
SITE = "http://testserver.local"
"""The test client's address, configured as the public URL that links and badges show."""
POSTGRES_URL = os.environ.get("GOODWILL_TEST_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")


def postgres_missing() -> str | None:
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        return str(error).strip().splitlines()[0]
    return None


MISSING = postgres_missing()


def terminate_every_backend(schema: str) -> int:
    """What a database restart does to a process: ends every connection it holds on
    ``schema``'s store, and returns once they are gone. How many there were."""
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        return len(conn.execute(
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = %s"
            " AND pid <> pg_backend_pid()", (application_name(schema),)).fetchall())


def pytest_report_header(config: pytest.Config) -> str:
    return f"PostgreSQL: {'SKIPPED, ' + MISSING if MISSING else POSTGRES_URL}"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    if MISSING:
        terminalreporter.write_line(f"PostgreSQL tests were skipped: {MISSING}", yellow=True)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path) -> Iterator[Settings]:
    """A fresh, empty store: a temporary SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield Settings(database_url=f"sqlite:///{tmp_path}/goodwill.db", secret_key=SECRET_KEY,
                       public_url=SITE)
        return
    if MISSING:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but PostgreSQL is not reachable: {MISSING}")
        pytest.skip(f"PostgreSQL not reachable: {MISSING}")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    yield Settings(database_url=f"{POSTGRES_URL}?schema={schema}", secret_key=SECRET_KEY,
                   public_url=SITE)
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


@pytest.fixture
def system(settings: Settings) -> Iterator[System]:
    system = bootstrap(settings)
    yield system
    system.close()


@pytest.fixture
def scenario(system: System) -> Scenario:
    return Scenario(system.app)
