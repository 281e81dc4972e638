"""Workers started together (``goodwill serve --workers N``) each set up the same store:
on PostgreSQL every one of them starts, however their first steps interleave."""

from __future__ import annotations

import threading

import pytest

from goodwill.bootstrap import bootstrap

STARTING = 4


@pytest.mark.postgres
@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_workers_starting_at_once_on_a_new_store_all_start(settings):
    gate, started, failed = threading.Barrier(STARTING), [], []

    def worker() -> None:
        gate.wait()
        try:
            started.append(bootstrap(settings))
        except Exception as error:  # what a worker would die of at its start
            failed.append(error)

    workers = [threading.Thread(target=worker) for _ in range(STARTING)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    for system in started:
        system.close()
    assert not failed
    assert len(started) == STARTING
