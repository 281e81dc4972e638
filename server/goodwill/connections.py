"""One connection budget per process on PostgreSQL. ``GOODWILL_PG_POOL_SIZE`` bounds every
connection a process holds, so a server's ``max_connections`` is sized by adding up its
processes' budgets instead of guessing at pools opened per concern.

The budget is split three ways: one connection LISTENs for other workers' commands; the async
reader (asyncpg, for request handlers) gets half of the rest; the other half is one psycopg
pool that everything synchronous borrows from — the event store, the read models' writer and
the keyring. That pool is the event store library's own, so nothing opens a pool beside it.
"""

from __future__ import annotations

import select
from dataclasses import dataclass

import psycopg
from eventsourcing.postgres import PostgresFactory
from eventsourcing.utils import Environment
from psycopg_pool import ConnectionPool
from psycopg_pool.base import AttemptWithBackoff

from goodwill.group_commit import GroupCommittingRecorder

AttemptWithBackoff.DELAY_BACKOFF = 1.0
"""The shared pool tries to reconnect every second while the database is away, not after
waits that double each time (1, 2, 4, 8 s…): a restart takes seconds, and a door that
waits on a pool's backoff long after the database is back stands still for nothing."""

SMALLEST = 4
"""A listener, one reader, and two shared: the projection runner borrows a second connection
(to read the log) while it holds one (to write read models)."""


@dataclass(frozen=True)
class Budget:
    total: int
    listener: int = 1

    def __post_init__(self) -> None:
        if self.total < SMALLEST:
            raise ValueError(f"GOODWILL_PG_POOL_SIZE must be at least {SMALLEST},"
                             f" not {self.total}.")

    @property
    def reader(self) -> int:
        return (self.total - self.listener) // 2

    @property
    def shared(self) -> int:
        return self.total - self.listener - self.reader


def application_name(schema: str) -> str:
    """How this process's connections are named in ``pg_stat_activity``."""
    return f"goodwill:{schema}"


class SharedPostgresFactory(PostgresFactory):
    """The library's PostgreSQL factory, whose pool the writer and the keyring share. Its
    connections look in the store's schema first (the read models' SQL names no schema; the
    library qualifies its own) and carry the process's application name. Commands that
    finish deciding together are written together (:mod:`goodwill.group_commit`)."""

    application_recorder_class = GroupCommittingRecorder

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        schema = self.datastore.schema
        self.datastore.pool.kwargs.update(options=f"-c search_path={schema}",
                                          application_name=application_name(schema))
        self.datastore.pool._check = alive  # the pool takes its check only when it is made


def alive(conn: psycopg.Connection) -> None:
    """A connection is pinged before it is handed out only when its socket has something to
    say: a server that ends a connection (a restart, ``pg_terminate_backend``) sends why and
    closes it, while an idle healthy one, which listens for nothing, has nothing to read. The
    library's pre-ping (a query before every checkout) was a fifth of a check-in's round trips."""
    if conn.closed or select.select([conn.fileno()], [], [], 0)[0]:
        ConnectionPool.check_connection(conn)
