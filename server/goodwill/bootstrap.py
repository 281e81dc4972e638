"""Wires the application, the read side and the projection runner once, from settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg import sql

from goodwill.application import Goodwill
from goodwill.database import Reader, Writer
from goodwill.imports import jobs
from goodwill.keyring import Keyring
from goodwill.listening import Listener
from goodwill.projections import all_projections
from goodwill.projections.engine.runner import ProjectionRunner
from goodwill.rate_limits import RateLimits
from goodwill.settings import Settings


@dataclass
class System:
    settings: Settings
    app: Goodwill
    writer: Writer
    runner: ProjectionRunner
    reader: Reader
    limits: RateLimits
    listener: Listener

    def start(self, projecting: bool) -> None:
        """What a serving process runs beside its requests: the listener, and the
        projections if this process keeps the read models (``goodwill project`` does)."""
        if projecting:
            if self.settings.is_postgres:  # other processes' commands: see Listener
                self.listener.on(self.app.recorder.channel_name,
                                 lambda _: self.runner.wake.set())
            self.runner.start(self.settings.projection_poll_seconds)
        self.listener.start()

    def close(self) -> None:
        self.listener.stop()
        self.runner.stop()
        self.app.close()  # and with it the shared pool on PostgreSQL
        self.app.keyring.close()
        self.limits.close()


def bootstrap(settings: Settings) -> System:
    """Everything but the async reader's pool, which opens inside the event loop."""
    with setting_up(settings):
        env = settings.event_store_env()  # makes the SQLite folder, which the keyring needs
        keyring, limits = Keyring(settings), RateLimits(settings)
        app = Goodwill(env=env, keyring=keyring)
        pool = app.factory.datastore.pool if settings.is_postgres else None
        if pool is not None:  # one pool for all that is synchronous: see goodwill.connections
            keyring.borrow(pool)
            limits.borrow(pool)
        writer = Writer(settings, pool)
        runner = ProjectionRunner(app, writer, all_projections())
        runner.create_tables()
        jobs.create_table(writer)
    app.after_save.append(runner.wake.set)
    listener = Listener(writer)
    if keyring.channel:
        listener.on(keyring.channel, keyring.forget_cached)
    return System(settings, app, writer, runner, Reader(settings), limits, listener)


@contextmanager
def setting_up(settings: Settings) -> Iterator[None]:
    """On PostgreSQL, the store's schema, and its tables made by one process at a time:
    workers starting together would each run the same ``CREATE … IF NOT EXISTS``, which
    PostgreSQL refuses to all but one ("tuple concurrently updated"). The lock is the
    session's, on a connection of its own that closing releases."""
    if not settings.is_postgres:
        yield
        return
    pg = settings.postgres
    with psycopg.connect(host=pg["host"], port=pg["port"], user=pg["user"],
                         password=pg["password"], dbname=pg["dbname"], autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(hashtext(%s))", (f"goodwill setup {pg['schema']}",))
        conn.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(pg["schema"])))
        yield
