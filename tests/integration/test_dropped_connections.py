"""Each of a process's pools after the database dropped all its connections (a restart, a
failover, ``pg_terminate_backend``): the next use gets a live connection, not a dead one."""

from __future__ import annotations

import asyncio
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.conftest import terminate_every_backend

pytestmark = pytest.mark.postgres



def postgres_only(settings) -> None:
    if not settings.is_postgres:
        pytest.skip("SQLite has no connections to lose")


def test_the_shared_pool_hands_out_no_dead_connection(system, settings):
    """The keyring borrows the shared pool directly, with no retry of its own: a dead
    connection handed to it was a 500 once its key cache expired."""
    postgres_only(settings)
    keyring, pool = system.app.keyring, system.app.keyring.tables.pool

    def held(_) -> None:
        with pool.connection() as conn:
            conn.execute("SELECT pg_sleep(0.2)")

    with ThreadPoolExecutor(3) as workers:  # three connections open, then idle in the pool
        list(workers.map(held, range(3)))
    assert terminate_every_backend(settings.postgres["schema"]) >= 3
    for _ in range(4):
        assert keyring.key(uuid.uuid4(), create=True) is not None


def test_a_read_whose_connection_died_is_read_again_on_a_fresh_one(system, settings):
    postgres_only(settings)

    async def read() -> list:
        await system.reader.open()
        try:
            await asyncio.gather(*(system.reader.fetch("SELECT pg_sleep(0.2)") for _ in range(3)))
            assert terminate_every_backend(settings.postgres["schema"]) >= 3
            return [await system.reader.fetchval("SELECT 1") for _ in range(4)]
        finally:
            await system.reader.close()

    assert asyncio.run(read()) == [1] * 4
