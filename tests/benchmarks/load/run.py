"""``make bench-load``: the door burst over HTTP on PostgreSQL, then on SQLite.

First the same burst against the web stack alone, an empty check-in (bare.py). Then for
each store: a fresh store, the door event seeded (door.py), the server started as
production runs it (``goodwill serve --workers N``, uvicorn), the load generator started as
a process of its own (generator.py), the server stopped, and the stored check-ins counted
against the 2xx answers; then the baselines on the same database (baselines.py). Writes
docs/benchmarks.md and docs/benchmarks.json. Nothing here asserts a timing.

Run: python -m tests.benchmarks.load.run [--workers 2] [--devices 64] [--tickets 20000]
[--seconds 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg

from goodwill.settings import Settings
from tests.benchmarks.bench import POSTGRES_URL
from tests.benchmarks.load import bare, baselines
from tests.benchmarks.load.door import Plan, seed
from tests.benchmarks.load.profile import sampling, summary
from tests.benchmarks.load.report import write_report

ROOT = Path(__file__).resolve().parents[3]
CHECKED_IN = "goodwill.domain.ticket:Ticket.CheckedIn"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(settings: Settings, port: int, workers: int,
            log: Path) -> Iterator[subprocess.Popen]:
    """``goodwill serve --workers N`` (and on PostgreSQL ``goodwill project`` beside it) until
    the block ends, then stopped as an operator stops them (SIGTERM: uvicorn finishes the
    requests in flight)."""
    env = {**os.environ, "GOODWILL_DATABASE_URL": settings.database_url,
           "GOODWILL_SECRET_KEY": settings.secret_key, "GOODWILL_HOST": "127.0.0.1",
           "GOODWILL_PORT": str(port), "GOODWILL_PG_POOL_SIZE": str(settings.pg_pool_size)}
    goodwill = shutil.which("goodwill", path=Path(sys.executable).parent) or "goodwill"
    roles = [[goodwill, "serve", "--workers", str(workers)]]
    if settings.is_postgres:
        roles.append([goodwill, "project"])
    with log.open("wb") as out:
        server, *projecting = [subprocess.Popen(command, env=env, stdout=out,
                                                stderr=subprocess.STDOUT) for command in roles]
        try:
            wait_until_ready(f"http://127.0.0.1:{port}/readyz", server)
            yield server
        finally:
            for process in (server, *projecting):
                process.send_signal(signal.SIGTERM)
            for process in (server, *projecting):
                try:
                    process.wait(60)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def wait_until_ready(url: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server stopped at start (exit {server.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    time.sleep(1)  # the other workers start beside the first
                    return
        except OSError:
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the server was not ready within {seconds:.0f} s")


def generate(plan: Plan, folder: Path, seconds: float) -> dict[str, Any]:
    """The load generator's figures for ``plan``, from a process of its own."""
    plan_file, result_file = folder / "plan.json", folder / "result.json"
    plan_file.write_text(json.dumps(plan.as_dict()))
    subprocess.run([sys.executable, "-m", "tests.benchmarks.load.generator", plan_file,
                    result_file, "--seconds", str(seconds)], check=True, cwd=ROOT)
    return json.loads(result_file.read_text())


def door_burst(settings: Settings, options: argparse.Namespace, folder: Path,
               count_check_ins: Callable[[], int],
               measure_baselines: Callable[[], dict[str, float]]) -> dict[str, Any]:
    """The burst, and the baselines just before it and just after, averaged: this machine's
    share of its cores moves by the minute, and both sides of a ratio should see the same."""
    port = free_port()
    started = time.perf_counter()
    plan = seed(settings, f"http://127.0.0.1:{port}", options.tickets, options.devices,
                options.seed)
    seeding = time.perf_counter() - started
    before = measure_baselines()
    with (serving(settings, port, options.workers, folder / "server.log") as server,
          sampling(server.pid, folder / "profile.txt")):
        result = generate(plan, folder, options.seconds)
    after = measure_baselines()
    stored = count_check_ins()
    admitted = result["outcomes"].get("checked_in", 0)
    return {"door_burst": {**result, "seeding_seconds": seeding, "stored_check_ins": stored,
                           "stored_equals_admitted": stored == admitted,
                           "profile": summary(folder / "profile.txt")},
            "baselines": {name: (before[name] + after[name]) / 2 for name in before},
            "baselines_before_and_after": {name: [before[name], after[name]]
                                           for name in before}}


def on_postgres(options: argparse.Namespace, folder: Path) -> dict[str, Any]:
    schema = f"load_{uuid.uuid4().hex[:12]}"
    settings = Settings(database_url=f"{POSTGRES_URL}?schema={schema}",
                        secret_key=uuid.uuid4().hex, pg_pool_size=options.pool_size)

    def count_check_ins() -> int:
        with psycopg.connect(POSTGRES_URL) as conn:
            return conn.execute(f'SELECT count(*) FROM "{schema}".goodwill_events'
                                " WHERE topic = %s", (CHECKED_IN,)).fetchone()[0]
    try:
        return door_burst(settings, options, folder, count_check_ins, lambda: baselines.on_postgres(
            settings, POSTGRES_URL, options.devices))
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            for name in (schema, f"{schema}_baseline"):
                conn.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def on_sqlite(options: argparse.Namespace, folder: Path) -> dict[str, Any]:
    settings = Settings(database_url=f"sqlite:///{folder}/load.db", secret_key=uuid.uuid4().hex)

    def count_check_ins() -> int:
        with sqlite3.connect(settings.sqlite_path) as conn:
            return conn.execute("SELECT count(*) FROM stored_events WHERE topic = ?",
                                (CHECKED_IN,)).fetchone()[0]
    return door_burst(settings, options, folder, count_check_ins,
                      lambda: baselines.on_sqlite(settings))


STORES = {"postgresql": on_postgres, "sqlite": on_sqlite}


def versions() -> dict[str, str]:
    from importlib.metadata import version
    with psycopg.connect(POSTGRES_URL) as conn:
        server = conn.execute("SHOW server_version").fetchone()[0]
    return {"python": platform.python_version(), "postgresql": server,
            "sqlite": sqlite3.sqlite_version,
            **{name: version(name) for name in ("uvicorn", "litestar", "eventsourcing",
                                                "asyncpg", "psycopg")}}


def machine() -> dict[str, Any]:
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return {"system": platform.platform(), "cpu": model, "cores": os.cpu_count()}


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--workers", type=int, default=2)
    args.add_argument("--devices", type=int, default=64)
    args.add_argument("--tickets", type=int, default=20_000)
    args.add_argument("--seconds", type=float, default=30.0)
    args.add_argument("--seed", type=int, default=1)
    args.add_argument("--pool-size", type=int, default=40,
                      help="GOODWILL_PG_POOL_SIZE of each worker: 2 x 40 + 3 fits a stock"
                           " max_connections of 100, as the README's budget says")
    args.add_argument("--stores", nargs="+", choices=STORES, default=list(STORES))
    args.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks")
    args.add_argument("--keep", type=Path, help="a folder to keep each store's server log,"
                      " plan and raw profile in")
    options = args.parse_args()
    results: dict[str, Any] = {"machine": machine(), "versions": versions(),
                               "settings": {k: str(v) if isinstance(v, Path) else v
                                            for k, v in vars(options).items()}}
    with tempfile.TemporaryDirectory() as folder:
        print("the web stack alone…", file=sys.stderr)
        results["web_stack_alone"] = bare.ceiling(
            options, Path(folder), free_port(),
            lambda plan: generate(plan, Path(folder), options.seconds))
    for store in options.stores:
        with tempfile.TemporaryDirectory() as folder:
            print(f"door burst on {store}…", file=sys.stderr)
            results[store] = STORES[store](options, Path(folder))
            if options.keep:
                shutil.copytree(folder, options.keep / store, dirs_exist_ok=True)
    write_report(results, options.output)


if __name__ == "__main__":
    main()
