"""What the door burst is set against, measured in the same run on the same database: a
plain asyncpg INSERT + COMMIT at the burst's concurrency (the database's own limit for one
small transaction each), and the ``eventsourcing`` library's own ``Application.save()`` of a
new aggregate, with 1 and with 8 threads (what the library does for us, unadorned). On
SQLite, the plain INSERT + COMMIT is one connection's, as SQLite has one writer."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid

import asyncpg
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from goodwill.settings import Settings
from tests.benchmarks.bench import sqlite_baseline

SECONDS = 5.0
PAYLOAD = "x" * 200


class Dot(Aggregate):
    """The smallest aggregate there is: its one event says it was created."""


class Saving(Application):
    """The library's application as it comes, saving what it is given."""


async def asyncpg_commits(url: str, schema: str, clients: int) -> float:
    """INSERT + COMMIT per row (asyncpg commits each statement outside a transaction)."""
    table = f'"{schema}".baseline_rows'
    admin = await asyncpg.connect(url)
    await admin.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    await admin.execute(f"CREATE TABLE {table} (id UUID PRIMARY KEY, payload TEXT)")
    pool = await asyncpg.create_pool(url, min_size=clients, max_size=clients)
    count, deadline = 0, time.perf_counter() + SECONDS

    async def client() -> None:
        nonlocal count
        async with pool.acquire() as conn:
            while time.perf_counter() < deadline:
                await conn.execute(f"INSERT INTO {table} VALUES ($1, $2)", uuid.uuid4(),
                                   PAYLOAD)
                count += 1
    try:
        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        return count / (time.perf_counter() - started)
    finally:
        await pool.close()
        await admin.execute(f"DROP TABLE {table}")
        await admin.close()


def library_saves(env: dict[str, str], threads: int) -> float:
    """New aggregates saved per second by ``threads`` threads, each saving one at a time."""
    app = Saving(env=env)
    count, lock, deadline = 0, threading.Lock(), time.perf_counter() + SECONDS

    def saver() -> None:
        nonlocal count
        while time.perf_counter() < deadline:
            app.save(Dot())
            with lock:
                count += 1
    try:
        started = time.perf_counter()
        workers = [threading.Thread(target=saver) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        return count / (time.perf_counter() - started)
    finally:
        app.close()


def postgres_env(settings: Settings, schema: str, threads: int) -> dict[str, str]:
    pg = settings.postgres
    return {"PERSISTENCE_MODULE": "eventsourcing.postgres", "POSTGRES_DBNAME": pg["dbname"],
            "POSTGRES_HOST": pg["host"], "POSTGRES_PORT": pg["port"],
            "POSTGRES_USER": pg["user"], "POSTGRES_PASSWORD": pg["password"],
            "POSTGRES_SCHEMA": schema, "POSTGRES_POOL_SIZE": str(threads)}


def sqlite_env(settings: Settings, threads: int) -> dict[str, str]:
    path = settings.sqlite_path.with_name(f"baseline-{threads}.db")
    return {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(path),
            "SQLITE_LOCK_TIMEOUT": "30"}


def on_postgres(settings: Settings, url: str, clients: int) -> dict[str, float]:
    schema = f"{settings.postgres['schema']}_baseline"
    rates = {"asyncpg INSERT+COMMIT": asyncio.run(asyncpg_commits(url, schema, clients))}
    for threads in (1, 8):
        rates[f"library save, {threads} thread{'s' * (threads > 1)}"] = library_saves(
            postgres_env(settings, schema, threads), threads)
    return rates


def on_sqlite(settings: Settings) -> dict[str, float]:
    rates = {"sqlite3 INSERT+COMMIT": sqlite_baseline(settings)}
    for threads in (1, 8):
        rates[f"library save, {threads} thread{'s' * (threads > 1)}"] = library_saves(
            sqlite_env(settings, threads), threads)
    return rates
