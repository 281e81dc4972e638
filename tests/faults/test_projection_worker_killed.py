"""Three web processes and two projection workers on one PostgreSQL, as production runs
them: phones write through every web process while the projection worker applying a batch
is killed with SIGKILL. The other takes over within seconds, every acknowledged write is
stored and projected once, and the read models equal a rebuild of them from the log.

The figures of the run are written to test-artifacts/faults/projection-worker-killed.json."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import psycopg
import pytest

from goodwill.bootstrap import bootstrap
from goodwill.cli.common import opened
from goodwill.settings import Settings
from tests.browser.conftest import Links, seeded
from tests.conftest import POSTGRES_URL, SECRET_KEY
from tests.faults.phones import Phone, noted, read_models, report
from tests.serving import projecting, served

pytestmark = pytest.mark.postgres
PHONES = ("Ann Ash", "Bob Baker", "Cat Cole", "Dan Dyer", "Eve Ernst", "Fay Fox")
SECONDS, KILLED_AT, TAKEOVER_SECONDS = 8.0, 3.0, 5.0
BUDGET = {"GOODWILL_PG_POOL_SIZE": "6"}  # 3 × 5 + 2 × 4 connections at most


def test_a_projection_worker_killed_mid_batch_is_taken_over_and_nothing_is_lost(tmp_path,
                                                                                 schema):
    url = f"{POSTGRES_URL}?schema={schema}"
    settings = Settings(database_url=url, secret_key=SECRET_KEY)
    links = Links()
    live = seeded(settings, settings.site_url, PHONES, links)
    with ExitStack() as running:
        workers = [running.enter_context(projecting(tmp_path, url, **BUDGET)) for _ in "ab"]
        ports = [running.enter_context(served(tmp_path, store=url, **BUDGET))[1]
                 for _ in "abc"]
        tally, lock, guests = Counter(), threading.Lock(), live.guests
        system = bootstrap(settings)  # mints each phone's sign-in link
        try:
            links.app = system.app
            phones = [Phone(f"http://127.0.0.1:{ports[i % 3]}", g, guests[(i + 1) % len(guests)],
                            tally, lock) for i, g in enumerate(guests)]
        finally:
            system.close()
        start = time.monotonic()
        threads = [threading.Thread(target=p.run, args=(live.organizer.event_id,
                                                        start + SECONDS)) for p in phones]
        for thread in threads:
            thread.start()
        time.sleep(KILLED_AT)
        with psycopg.connect(POSTGRES_URL, autocommit=True) as db:
            leader = applying_a_batch(db, schema, workers)
            leader.send_signal(signal.SIGKILL)
            killed = time.monotonic()
            committed = positions(db, schema)
            while positions(db, schema) <= committed:
                assert time.monotonic() - killed < TAKEOVER_SECONDS, "nobody took over"
                time.sleep(0.005)
            takeover = time.monotonic() - killed
        for thread in threads:
            thread.join(SECONDS + 120)
        assert leader.wait(10) == -signal.SIGKILL
        survivor = next(w for w in workers if w is not leader)
        head = caught_up(url)
    assert survivor.returncode == 0, "stopped as an operator stops it"

    with opened(settings) as system:
        before = read_models(system)
        system.runner.rebuild()
        after, stored = read_models(system), noted(system)
    acknowledged = [text for p in phones for text in p.acknowledged]
    figures = {"seconds": SECONDS, "web_processes": len(ports), "projection_workers": 2,
               "phones": len(phones), "requests": tally["requests"],
               "answers": {k: v for k, v in sorted(tally.items()) if k.isdigit()},
               "acknowledged_writes": len(acknowledged), "events": head,
               "position_when_killed": committed, "takeover_seconds": round(takeover, 4)}
    report("projection-worker-killed", figures)
    assert not [f for p in phones for f in p.failures], figures
    assert len(acknowledged) > 30, figures  # about 100 a second
    assert stored == Counter(acknowledged), "each acknowledged write projected once, no other"
    assert after == before, "the read models equal a rebuild of them"


def applying_a_batch(db: psycopg.Connection, schema: str,
                     workers: list[subprocess.Popen]) -> subprocess.Popen:
    """The projection worker whose transaction holds the tracking rows (``FOR UPDATE``) and
    waits on nobody: the leader, caught mid-batch. Its backend's client port names its
    process, through the sockets /proc lists."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        ports = {port for port, in db.execute(
            "SELECT a.client_port FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " WHERE l.relation = %s::regclass AND l.mode = 'RowShareLock' AND l.granted"
            " AND a.wait_event_type IS DISTINCT FROM 'Lock'",
            (f'"{schema}".projection_tracking',)).fetchall()}
        for worker in workers:
            if ports & client_ports(worker.pid):
                return worker
        time.sleep(0.001)
    pytest.fail("no projection worker was caught applying a batch")


def client_ports(pid: int) -> set[int]:
    """The local ports of the TCP sockets process ``pid`` holds."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:  # closed meanwhile
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for table in ("tcp", "tcp6"):
        for line in Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]:
            fields = line.split()
            if fields[9] in inodes:
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def positions(db: psycopg.Connection, schema: str) -> int:
    """Where the read models have come to: the position of the one furthest behind."""
    return db.execute(f'SELECT MIN(position) FROM "{schema}".projection_tracking').fetchone()[0]


def caught_up(url: str) -> int:
    """Waits for the surviving worker to reach the log's head, and returns the head."""
    settings = Settings(database_url=url, secret_key=SECRET_KEY)
    system = bootstrap(settings)
    try:
        deadline = time.monotonic() + 60
        while min(s.position for s in system.runner.status()) < system.runner.head():
            assert time.monotonic() < deadline, "the survivor did not catch up"
            time.sleep(0.1)
        return system.runner.head()
    finally:
        system.close()
