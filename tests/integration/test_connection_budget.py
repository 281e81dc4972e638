"""A process holds no more PostgreSQL connections than ``GOODWILL_PG_POOL_SIZE`` allows, even
while commands, projections and reads all press on the store at once."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time

import psycopg
import pytest

from goodwill.bootstrap import bootstrap
from goodwill.connections import Budget, application_name
from tests.conftest import POSTGRES_URL
from tests.scenario import Scenario

BUDGET = 6
COMMAND_THREADS = 8
CONCURRENT_READS = 12


def held_after_closing(name: str) -> int:
    """A server process ends a moment after its client hangs up: asked until none is left,
    for a few seconds at most."""
    deadline = time.monotonic() + 5
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        while True:
            held = conn.execute("SELECT count(*) FROM pg_stat_activity"
                                " WHERE application_name = %s", (name,)).fetchone()[0]
            if held == 0 or time.monotonic() > deadline:
                return held
            time.sleep(0.05)


class Sampler(threading.Thread):
    """Counts the process's connections in ``pg_stat_activity`` until told to stop, from a
    connection of its own that carries another name."""

    def __init__(self, name: str) -> None:
        super().__init__(daemon=True)
        self.name_counted, self.done, self.counts = name, threading.Event(), [0]

    def run(self) -> None:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            while not self.done.is_set():
                self.counts.append(conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s",
                    (self.name_counted,)).fetchone()[0])
                self.done.wait(0.01)


@pytest.mark.postgres
@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_a_busy_process_stays_within_its_connection_budget(settings):
    settings = dataclasses.replace(settings, pg_pool_size=BUDGET, projection_poll_seconds=0.05)
    system = bootstrap(settings)
    name = application_name(settings.postgres["schema"])
    sampler = Sampler(name)
    sampler.start()
    try:
        scenario = Scenario(system.app)
        system.start(projecting=True)

        def register(worker: int) -> None:
            for n in range(6):
                scenario.guest(f"Guest {worker}-{n}")

        async def read() -> None:
            await system.reader.open()
            try:
                await asyncio.gather(*(system.reader.fetch("SELECT pg_sleep(0.2)")
                                       for _ in range(CONCURRENT_READS)))
            finally:
                await system.reader.close()

        writers = [threading.Thread(target=register, args=(w,)) for w in range(COMMAND_THREADS)]
        for writer in writers:
            writer.start()
        asyncio.run(read())
        for writer in writers:
            writer.join()
        system.runner.catch_up()
    finally:
        sampler.done.set()
        sampler.join()
        system.close()

    budget = Budget(BUDGET)
    assert len(scenario.guests) == COMMAND_THREADS * 6
    # the readers alone fill their share, so the sampler did see the pools pressed
    assert max(sampler.counts) >= budget.reader + 1, sampler.counts
    assert max(sampler.counts) <= BUDGET, sampler.counts
    assert held_after_closing(name) == 0  # closing gave every one back, the listener's too
