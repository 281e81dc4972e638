"""The read side's two doors to the database: a synchronous writer for projections (they run in
a thread, like the event store) and an async reader for request handlers (asyncpg on
PostgreSQL, sqlite in a worker thread), so a read never blocks the event loop.

SQL is written once with ``?`` placeholders and portable types (TEXT, BIGINT) and adapted here.
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

import asyncpg
import eventsourcing.persistence
import psycopg
from psycopg.rows import tuple_row
from psycopg_pool import ConnectionPool

from goodwill.connections import application_name
from goodwill.settings import Settings

PLACEHOLDER = re.compile(r"\?")
UNAVAILABLE: tuple[type[BaseException], ...] = (
    ConnectionError, psycopg.OperationalError, psycopg.InterfaceError,
    eventsourcing.persistence.OperationalError, eventsourcing.persistence.InterfaceError,
    asyncpg.PostgresConnectionError, asyncpg.InterfaceError, asyncpg.InternalClientError,
    asyncpg.exceptions.OperatorInterventionError)
"""What a database that went away, restarted or dropped a connection raises, whichever
driver: the request may be sent again (503), unlike an error in what it asked."""


def marks(values: Collection[Any]) -> str:
    """The placeholders of ``IN (…)`` for these values; ``NULL``, which matches nothing,
    for none."""
    return ", ".join("?" * len(values)) or "NULL"


def numbered(sql: str) -> str:
    """``?`` → ``$1, $2…`` for asyncpg."""
    counter = iter(range(1, 10_000))
    return PLACEHOLDER.sub(lambda _: f"${next(counter)}", sql)


class Tx(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...
    def columns(self, table: str) -> list[str]:
        """The table's columns in order as stored; none if there is no such table."""
    def savepoint(self) -> AbstractContextManager[None]:
        """What runs inside is undone alone if it raises; the transaction goes on."""


class SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def columns(self, table: str) -> list[str]:
        return [name for name, in self.fetchall("SELECT name FROM pragma_table_info(?)"
                                                " ORDER BY cid", (table,))]

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        self.conn.execute("SAVEPOINT apply")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK TO apply")
            raise
        finally:
            self.conn.execute("RELEASE apply")


class PostgresTx:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.conn.execute(sql.replace("?", "%s"), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)

    def fetchall(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.conn.cursor(row_factory=tuple_row) as cur:
            return cur.execute(sql.replace("?", "%s"), params).fetchall()

    def columns(self, table: str) -> list[str]:
        return [name for name, in self.fetchall(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            " AND table_schema = current_schema() ORDER BY ordinal_position", (table,))]

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        with self.conn.transaction():  # nested in the batch's: a savepoint
            yield


def sqlite_connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA secure_delete=ON")  # what a forgotten person leaves is overwritten
    return conn


class Writer:
    """Opens one transaction at a time; ``locked`` serialises writers of the same rows
    (``BEGIN IMMEDIATE`` on SQLite, the caller's ``SELECT … FOR UPDATE`` on PostgreSQL).
    On PostgreSQL it borrows from the process's shared pool, which it does not own."""

    def __init__(self, settings: Settings, pool: ConnectionPool | None = None) -> None:
        self.settings = settings
        self.is_postgres = settings.is_postgres
        if self.is_postgres:
            assert pool is not None, "PostgreSQL's writer borrows the shared pool"
            self.pool = pool
        else:
            settings.read_sqlite_path.parent.mkdir(parents=True, exist_ok=True)
            self.local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        if self.is_postgres:
            with self.pool.connection() as conn, conn.transaction():
                yield PostgresTx(conn)
            return
        conn = self._sqlite()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield SqliteTx(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def compact(self) -> None:
        """Leave no old copy of changed rows behind: after forgetting a person."""
        if self.is_postgres:
            with self.pool.connection() as conn:  # the shared pool's are in autocommit
                conn.execute("VACUUM")
        else:
            self._sqlite().execute("PRAGMA wal_checkpoint(TRUNCATE)")

    @contextmanager
    def listen(self, *channels: str) -> Iterator[Iterator[psycopg.Notify | None]]:
        """PostgreSQL notifications on ``channels``, or None at least once a second."""
        pg = self.settings.postgres
        with psycopg.connect(host=pg["host"], port=pg["port"], user=pg["user"],
                             password=pg["password"], dbname=pg["dbname"], autocommit=True,
                             application_name=application_name(pg["schema"])) as conn:
            for channel in channels:
                conn.execute(f'LISTEN "{channel}"')
            yield self._notifications(conn)

    def notify(self, channel: str) -> None:
        with self.pool.connection() as conn:
            conn.execute("SELECT pg_notify(%s, '')", (channel,))

    @staticmethod
    def _notifications(conn: psycopg.Connection) -> Iterator[psycopg.Notify | None]:
        """Each wait is read to its end before anything is yielded: psycopg's generator holds
        the connection's lock while suspended, and closing the connection waits for it."""
        while True:
            yield from list(conn.notifies(timeout=1.0, stop_after=1))
            yield None

    def _sqlite(self) -> sqlite3.Connection:
        if getattr(self.local, "conn", None) is None:
            self.local.conn = sqlite_connect(str(self.settings.read_sqlite_path))
        return self.local.conn



class SideTables:
    """Tables kept beside the event store and the read models, for state every worker shares
    that is not an event: on SQLite a file of their own (so their writes never wait on a
    projection's), on PostgreSQL the store's schema reached through the process's shared
    pool (in autocommit), handed over by :meth:`borrow` once the event store has made it."""

    def __init__(self, settings: Settings, suffix: str, *tables: str) -> None:
        self.tables = tables
        self.lock = threading.Lock()  # one SQLite connection, used from many threads
        self.pool: ConnectionPool | None = None
        self.conn = None if settings.is_postgres else sqlite_connect(
            str(settings.sqlite_path.with_suffix(suffix)))
        if self.conn is not None:
            self._create()

    def borrow(self, pool: ConnectionPool) -> None:
        self.pool = pool
        self._create()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()

    def run(self, sql: str, *params: Any) -> list[tuple]:
        if self.pool is not None:  # each thread borrows a connection of its own
            with self.pool.connection() as conn, conn.cursor(row_factory=tuple_row) as cursor:
                cursor.execute(sql.replace("?", "%s"), params)
                return cursor.fetchall() if cursor.description else []
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def run_many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """All the rows in one transaction: all or none."""
        if self.pool is not None:
            with self.pool.connection() as conn, conn.transaction(), conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)
            return
        with self.lock:
            self.conn.execute("BEGIN")
            try:
                self.conn.executemany(sql, rows)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def _create(self) -> None:
        for table in self.tables:
            self.run(table)


async def unchanged_session(_: asyncpg.Connection) -> None:
    """A reader's connection goes back to its pool as it came: it only ever runs one query
    at a time outside any transaction, and sets, locks and listens for nothing. So the
    round trip of asyncpg's default reset (``RESET ALL``, unlock all, ``UNLISTEN *``) after
    every read is skipped."""


class Reader:
    """Async queries returning plain dicts."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool: asyncpg.Pool | None = None
        self.local = threading.local()
        self.connections: list[sqlite3.Connection] = []  # one per worker thread, closed on close()

    async def open(self) -> None:
        if self.settings.is_postgres:
            pg = self.settings.postgres
            self.pool = await asyncpg.create_pool(
                host=pg["host"], port=int(pg["port"]), user=pg["user"],
                password=pg["password"] or None, database=pg["dbname"], min_size=1,
                max_size=self.settings.budget.reader, reset=unchanged_session,
                server_settings={"search_path": pg["schema"],
                                 "application_name": application_name(pg["schema"])})

    async def close(self) -> None:
        if self.pool is not None:
            await self.pool.close()
        for conn in self.connections:
            conn.close()
        self.connections.clear()
        self.local = threading.local()

    async def fetch(self, sql: str, *params: Any) -> list[dict[str, Any]]:
        if self.pool is None:
            return await asyncio.to_thread(self._sqlite_fetch, sql, params)
        try:
            return [dict(r) for r in await self.pool.fetch(numbered(sql), *params)]
        except UNAVAILABLE:
            # A dead connection means its idle siblings died too (a restart, a terminated
            # backend): all are replaced, and a read, which changes nothing, is tried once more.
            await self.pool.expire_connections()
            return [dict(r) for r in await self.pool.fetch(numbered(sql), *params)]

    async def fetchrow(self, sql: str, *params: Any) -> dict[str, Any] | None:
        rows = await self.fetch(sql, *params)
        return rows[0] if rows else None

    async def fetchval(self, sql: str, *params: Any) -> Any:
        row = await self.fetchrow(sql, *params)
        return next(iter(row.values())) if row else None

    def _sqlite_fetch(self, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = sqlite_connect(str(self.settings.read_sqlite_path))
            conn.row_factory = sqlite3.Row
            self.connections.append(conn)
        return [dict(r) for r in conn.execute(sql, params).fetchall()]
