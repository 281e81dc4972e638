"""Rate limits every worker shares: a sliding window per kind of attempt and subject, kept
in :class:`~goodwill.database.SideTables`, so a client gets the same limit from one worker
as from four. What a subject is (a token's prefix, an account, a door device…) is the web
side's to say: see :mod:`goodwill.http.core.limits`.

Each attempt is a row stamped with the wall clock, which the workers of one installation
share closely enough for windows of minutes. A count lost in a crash only lets one more
attempt through, so SQLite's file does not wait for the disk.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from psycopg_pool import ConnectionPool

from goodwill.database import SideTables
from goodwill.settings import Settings

TABLES = ("CREATE TABLE IF NOT EXISTS rate_limit_attempts"
          " (kind TEXT NOT NULL, subject TEXT NOT NULL, at DOUBLE PRECISION NOT NULL)",
          "CREATE INDEX IF NOT EXISTS rate_limit_attempts_of_subject"
          " ON rate_limit_attempts (kind, subject, at)")
LAST_KEPT = ("SELECT at FROM rate_limit_attempts WHERE kind = ? AND subject = ? AND at > ?"
             " ORDER BY at DESC LIMIT 1 OFFSET ?")
"""The oldest of a subject's last ``attempts`` within the window: none while it may try."""
PURGE_SECONDS = 60.0
"""How often a worker clears attempts older than every window, so quiet subjects leave no
rows behind."""


@dataclass(frozen=True)
class Limit:
    attempts: int
    seconds: float


LIMITS = {
    "sign-in": Limit(10, 300),  # failed sign-ins: links, passwords
    "join": Limit(10, 300),  # wrong join codes
    "resend": Limit(5, 900),  # lost-link emails asked for
    "scan": Limit(600, 60),  # check-ins and check-outs: a busy door, not a guessing machine
}


class RateLimits:
    def __init__(self, settings: Settings, limits: dict[str, Limit] = LIMITS) -> None:
        self.limits = limits
        self.tables = SideTables(settings, ".limits.db", *TABLES)
        if not settings.is_postgres:
            self.tables.run("PRAGMA synchronous=NORMAL")
        self.purged = time.monotonic()

    def borrow(self, pool: ConnectionPool) -> None:
        self.tables.borrow(pool)

    def close(self) -> None:
        self.tables.close()

    def wait(self, kind: str, subject: str) -> int | None:
        """Seconds until ``subject`` may try ``kind`` again (when the oldest of its last
        ``attempts`` leaves the window), or None while it may now."""
        now = time.time()
        return self._left(kind, now, self.tables.run(LAST_KEPT, *self._window(kind, subject,
                                                                               now)))

    def spend(self, kind: str, subject: str) -> int | None:
        """Counts an attempt unless ``subject`` has used them up; :meth:`wait`'s answer.
        On PostgreSQL in one statement: a scan at a busy door makes one round trip here."""
        if self.tables.pool is None:
            wait = self.wait(kind, subject)
            if wait is None:
                self.count(kind, subject)
            return wait
        now = time.time()
        kept = self.tables.run(
            f"WITH kept AS ({LAST_KEPT}), counted AS (INSERT INTO rate_limit_attempts"
            f" SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM kept)) SELECT at FROM kept",
            *self._window(kind, subject, now), kind, subject, now)
        self._purge()
        return self._left(kind, now, kept)

    def count(self, kind: str, subject: str) -> None:
        self.tables.run("INSERT INTO rate_limit_attempts VALUES (?, ?, ?)",
                        kind, subject, time.time())
        self._purge()

    def _window(self, kind: str, subject: str, now: float) -> tuple:
        """The parameters of :data:`LAST_KEPT` for ``subject`` at ``now``."""
        limit = self.limits[kind]
        return kind, subject, now - limit.seconds, limit.attempts - 1

    def _left(self, kind: str, now: float, kept: list[tuple]) -> int | None:
        return max(1, math.ceil(kept[0][0] + self.limits[kind].seconds - now)) if kept else None

    def _purge(self) -> None:
        if time.monotonic() - self.purged > PURGE_SECONDS:
            self.purged = time.monotonic()
            longest = max(limit.seconds for limit in self.limits.values())
            self.tables.run("DELETE FROM rate_limit_attempts WHERE at <= ?",
                            time.time() - longest)
