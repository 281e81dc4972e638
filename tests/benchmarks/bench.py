"""Write, rebuild and import throughput on SQLite and PostgreSQL, each set against a
baseline measured in the same run on the same store: plain single-row INSERT + COMMIT
transactions per second. Then the export rate: rows per second of the attendees and
scan-log downloads, each against the plain SELECT of the same rows on the same store; and
the contacts and suggestions pages' server time with 300 contacts and 1,000 notes, against
GET /healthz.
Absolute numbers depend on the machine's disk; the ratios say what our own code costs.

Run: python -m tests.benchmarks.bench [--attendees 300] [--import-rows 10000]
[--export-attendees 3000] [--contacts 300] [--notes 1000]; writes var/bench.json. Nothing
here asserts a timing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from goodwill.bootstrap import System, bootstrap
from goodwill.demo import Demo, seed_demo
from goodwill.imports.batches import run_import
from goodwill.imports.preview import prepare_bytes
from goodwill.settings import Settings
from tests.benchmarks.contacts import LATENCY_HEADING, latency_lines, measure_contacts
from tests.benchmarks.exports import measure_exports

POSTGRES_URL = os.environ.get("GOODWILL_TEST_POSTGRES_URL",
                              "postgresql://postgres@127.0.0.1:5432/test")
OUTPUT = Path(__file__).resolve().parents[2] / "var" / "bench.json"
BASELINE_SECONDS = 3.0
BASELINE = "baseline INSERT+COMMIT transactions"


def commits_per_second(execute: Callable[[str, tuple], object],
                       commit: Callable[[], None]) -> float:
    """One row per transaction, as the command path saves one command per transaction."""
    execute("CREATE TABLE bench_scratch (id BIGINT PRIMARY KEY, payload TEXT)", ())
    commit()
    count, started = 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < BASELINE_SECONDS:
        execute("INSERT INTO bench_scratch VALUES (%s, %s)", (count, "x" * 200))
        commit()
        count += 1
    execute("DROP TABLE bench_scratch", ())
    commit()
    return count / elapsed


def sqlite_baseline(settings: Settings) -> float:
    """The event store's own file, in the journal mode the event store set (WAL)."""
    conn = sqlite3.connect(settings.sqlite_path, isolation_level=None)
    try:
        def execute(sql: str, params: tuple) -> None:
            conn.execute("BEGIN")
            conn.execute(sql.replace("%s", "?"), params)

        return commits_per_second(execute, lambda: conn.execute("COMMIT"))
    finally:
        conn.close()


def postgres_baseline(settings: Settings) -> float:
    pg = settings.postgres
    with psycopg.connect(POSTGRES_URL, options=f"-c search_path={pg['schema']}") as conn:
        return commits_per_second(conn.execute, conn.commit)


def timed(action: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action(*args, **kwargs)
    return time.perf_counter() - started, result


def exported(rows: int) -> bytes:
    """A generated export: every row a new attendee with a ticket id."""
    lines = ["Name,Email,Company,Role,Ticket id"]
    lines += [f"Guest {n},guest{n}@import.example,Company {n % 97},Engineer,T-{n}"
              for n in range(rows)]
    return "\n".join(lines).encode()


def importing(system: System, demo: Demo, data: bytes) -> float:
    """Reading the file and importing it, chunk by chunk, as the import page does."""
    started = time.perf_counter()
    prepared = prepare_bytes(data)
    run_import(system.app, demo.organizer, uuid.uuid4(), demo.conference_id, prepared.rows)
    return time.perf_counter() - started


def measure(settings: Settings, attendees: int, rows: int,
            baseline: Callable[[Settings], float]) -> dict:
    """The baseline runs before and after the work, so a busy machine weighs on both sides."""
    system = bootstrap(settings)
    try:
        before = baseline(settings)
        seeding, demo = timed(seed_demo, system.app, seed=1, attendees=attendees,
                              say=lambda line: None)
        events = system.runner.head()
        rebuilding, _ = timed(system.runner.rebuild)
        data = exported(rows)
        first, again = importing(system, demo, data), importing(system, demo, data)
        after = baseline(settings)
        per_second = {BASELINE: (before + after) / 2,
                      "events appended (seeding the demo)": events / seeding,
                      "commands (seeding the demo)": demo.sent / seeding,
                      "events replayed (rebuilding all read models)": events / rebuilding,
                      f"rows imported ({rows:,} new attendees)": rows / first,
                      f"rows imported again ({rows:,} unchanged)": rows / again}
        return {"events": events, "commands": demo.sent,
                "read_models": len(system.runner.projections), "import_rows": rows,
                "about": f"{events} events from {demo.sent} commands,"
                         f" {len(system.runner.projections)} read models; importing"
                         f" {rows:,} rows took {first:.1f} s, again {again:.1f} s",
                "seconds": {"seeding": seeding, "rebuilding": rebuilding, "importing": first,
                            "importing again": again},
                "baseline_before_and_after": [before, after], "per_second": per_second,
                "ratio_to_baseline": {k: v / per_second[BASELINE] for k, v in per_second.items()}}
    finally:
        system.close()


Work = Callable[[Settings, Callable[[Settings], float]], dict]
"""A measure on a fresh store, given the store's settings and its INSERT baseline."""


def on_sqlite(work: Work) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        return work(Settings(database_url=f"sqlite:///{folder}/bench.db"), sqlite_baseline)


def on_postgres(work: Work) -> dict | str:
    """A fresh schema of its own, dropped afterwards; a message instead when unreachable."""
    try:
        psycopg.connect(POSTGRES_URL, connect_timeout=3).close()
    except psycopg.OperationalError as error:
        return f"skipped: PostgreSQL not reachable at {POSTGRES_URL}: {str(error).strip()}"
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    try:
        return work(Settings(database_url=f"{POSTGRES_URL}?schema={schema}"), postgres_baseline)
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def table(results: dict[str, dict | str], heading: str,
          lines_of: Callable[[dict], list[str]]) -> str:
    """One store's lines after another, each closed by what was measured."""
    lines = [f"{'store':<12}{heading}"]
    for store, result in results.items():
        if isinstance(result, str):
            lines.append(f"{store:<12}{result}")
            continue
        lines += [f"{store:<12}{line}" for line in lines_of(result)]
        lines.append(f"{'':<12}({result['about']})")
    return "\n".join(lines)


def rates(unit: str = "per second") -> tuple[str, Callable[[dict], list[str]]]:
    """The heading and lines of a table of rates against their baseline."""
    return (f"{'measure':<48}{unit:>12}{'× baseline':>12}",
            lambda result: [f"{name:<48}{rate:>12,.0f}{result['ratio_to_baseline'][name]:>12.3f}"
                            for name, rate in result["per_second"].items()])


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--attendees", type=int, default=300)
    args.add_argument("--import-rows", type=int, default=10_000)
    args.add_argument("--export-attendees", type=int, default=3000)
    args.add_argument("--contacts", type=int, default=300)
    args.add_argument("--notes", type=int, default=1000)
    options = args.parse_args()

    def writes(settings: Settings, baseline: Callable[[Settings], float]) -> dict:
        return measure(settings, options.attendees, options.import_rows, baseline)

    def exports(settings: Settings, _: Callable[[Settings], float]) -> dict:
        return asyncio.run(measure_exports(settings, options.export_attendees))

    results = {"sqlite": on_sqlite(writes), "postgresql": on_postgres(writes)}
    print(table(results, *rates()))
    exported = {"sqlite": on_sqlite(exports), "postgresql": on_postgres(exports)}
    print("\n" + table(exported, *rates("rows/s")))

    def contacts(settings: Settings, _: Callable[[Settings], float]) -> dict:
        return measure_contacts(settings, options.contacts, options.notes)

    answered = {"sqlite": on_sqlite(contacts), "postgresql": on_postgres(contacts)}
    print("\n" + table(answered, LATENCY_HEADING, latency_lines))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps({"attendees": options.attendees,
                                  "import_rows": options.import_rows, "results": results,
                                  "export_attendees": options.export_attendees,
                                  "exports": exported, "contacts": options.contacts,
                                  "notes": options.notes, "contacts_page": answered},
                                 indent=2))
    print(f"\nwritten to {OUTPUT}")


if __name__ == "__main__":
    main()
