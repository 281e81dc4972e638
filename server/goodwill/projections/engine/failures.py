"""Events a read model could not apply, kept so that one bad event stops nothing else.

The runner records a failure in the batch's own transaction and goes past the event, so the
other read models, and this one's later events, stay live. An unresolved failure makes the
server not ready (``/readyz``) and shows in ``/metrics``, until an operator retries it after
a fix (``goodwill projections retry``), accepts it (``skip``), or rebuilds.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

import psycopg
from eventsourcing import persistence

from goodwill.database import Tx

TABLE = "projection_failures"
COLUMNS = ("projection TEXT NOT NULL, position BIGINT NOT NULL, topic TEXT NOT NULL, "
           "error TEXT NOT NULL, failed_at TEXT NOT NULL, resolution TEXT, "
           "PRIMARY KEY (projection, position)")
MOST_SHOWN = 50
ALL = 1_000_000


@dataclass(frozen=True)
class Failure:
    projection: str
    position: int
    topic: str
    error: str
    failed_at: str


def transient(error: BaseException) -> bool:
    """The database failed, not the event: the whole batch is worth trying again later,
    and nothing is recorded against the event."""
    if isinstance(error, sqlite3.OperationalError):
        return "locked" in str(error) or "busy" in str(error)
    return isinstance(error, (psycopg.OperationalError, psycopg.InterfaceError,
                              persistence.OperationalError, persistence.InterfaceError))


def create(tx: Tx) -> None:
    tx.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} ({COLUMNS})")


def record(tx: Tx, projection: str, position: int, topic: str, error: BaseException) -> None:
    """Again after a retry that failed too: the newest error is the one worth reading."""
    words = f"{type(error).__name__}: {error}"[:1000]
    tx.execute(f"INSERT INTO {TABLE} VALUES (?, ?, ?, ?, ?, NULL) "
               "ON CONFLICT (projection, position) DO UPDATE SET error = excluded.error, "
               "failed_at = excluded.failed_at, resolution = NULL",
               (projection, position, topic, words, now()))


def unresolved(tx: Tx, limit: int = MOST_SHOWN) -> list[Failure]:
    rows = tx.fetchall(f"SELECT projection, position, topic, error, failed_at FROM {TABLE} "
                       "WHERE resolution IS NULL ORDER BY position, projection LIMIT ?",
                       (limit,))
    return [Failure(*row) for row in rows]


def counts(tx: Tx) -> dict[str, int]:
    """Unresolved failures by read model."""
    return dict(tx.fetchall(f"SELECT projection, COUNT(*) FROM {TABLE} "
                            "WHERE resolution IS NULL GROUP BY projection"))


def resolve(tx: Tx, failure: Failure, how: str) -> None:
    tx.execute(f"UPDATE {TABLE} SET resolution = ? WHERE projection = ? AND position = ?",
               (f"{how} {now()}", failure.projection, failure.position))


def forget(tx: Tx, projection: str) -> None:
    """A read model rebuilt from the log's beginning meets its events again: what failed
    in its older shape says nothing of the new."""
    tx.execute(f"DELETE FROM {TABLE} WHERE projection = ?", (projection,))


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
