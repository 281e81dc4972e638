"""A store of its own for each fault test, dropped afterwards."""

from __future__ import annotations

import uuid

import psycopg
import pytest

from tests.conftest import MISSING, POSTGRES_URL


@pytest.fixture
def schema() -> str:
    if MISSING:
        pytest.fail(f"PostgreSQL is not reachable: {MISSING}")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    yield schema
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
