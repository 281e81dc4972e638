"""One encryption key per person, kept outside the event log so that forgetting a person
can destroy it; and the transcoding that seals :class:`Personal` values with it.

Keys live in their own table: a SQLite file beside the event store (``*.keys.db``, with
``secure_delete`` and a WAL checkpoint so a destroyed key leaves no copy on disk) or a table
in the PostgreSQL schema (vacuumed after a delete).
"""

from __future__ import annotations

import base64
import os
import time
from uuid import UUID

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from eventsourcing.persistence import Transcoding
from psycopg_pool import ConnectionPool

from goodwill.database import SideTables
from goodwill.domain.personal import Personal
from goodwill.settings import Settings

CACHE_SECONDS = 30.0
"""How long a key is kept in memory: on PostgreSQL, should the announcement of a forgetting
be missed (see :meth:`Keyring.forget_cached`)."""
CHANNEL = "goodwill_forgotten"
"""Where a process announces the person whose key it destroyed (their id; other stores'
processes on the same server hear it too, and let go of a key they never had)."""
TABLE = "CREATE TABLE IF NOT EXISTS person_keys (person_id TEXT PRIMARY KEY, secret TEXT NOT NULL)"


class Keyring:
    """Keys in :class:`~goodwill.database.SideTables` of their own, cached in memory. A key
    destroyed by another process leaves this one's cache: on SQLite before its next lookup
    (the file's ``data_version`` says another connection changed it); on PostgreSQL as soon
    as the destroying process's announcement on :data:`CHANNEL` arrives, within
    milliseconds (the cache's 30 s are the backstop should the listener be away)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cache: dict[UUID, tuple[float, bytes | None]] = {}
        self.tables = SideTables(settings, ".keys.db", TABLE)
        self.channel = CHANNEL if settings.is_postgres else None
        self.version = self._version()
        self.forgettings = 0
        """Announcements handled: a key read before one is not cached after it."""

    def forget_cached(self, owner: str | None) -> None:
        """Told that ``owner`` was forgotten, or (None) that anyone may have been; an empty
        announcement only wakes the listener."""
        if owner == "":
            return
        self.forgettings += 1
        if owner is None:
            self.cache.clear()
        else:
            self.cache.pop(UUID(owner), None)

    def borrow(self, pool: ConnectionPool) -> None:
        self.tables.borrow(pool)

    def close(self) -> None:
        self.tables.close()

    def key(self, owner: UUID, create: bool = False) -> bytes | None:
        if self.channel is None and self.version != (version := self._version()):
            self.version = version
            self.cache.clear()
        cached, seen = self.cache.get(owner), self.forgettings
        if cached and time.monotonic() - cached[0] < CACHE_SECONDS and (cached[1] or not create):
            return cached[1]
        rows = self._run("SELECT secret FROM person_keys WHERE person_id = ?", str(owner))
        if not rows and create:
            self._run("INSERT INTO person_keys VALUES (?, ?) ON CONFLICT (person_id) DO NOTHING",
                      str(owner), base64.b64encode(AESGCM.generate_key(256)).decode())
            rows = self._run("SELECT secret FROM person_keys WHERE person_id = ?", str(owner))
        key = base64.b64decode(rows[0][0]) if rows else None
        if self.forgettings == seen:
            self.cache[owner] = (time.monotonic(), key)
        return key

    def load_keys(self, owners: set[UUID]) -> None:
        """Many people's keys in one query, before reading what is sealed with them."""
        if not owners:
            return
        seen = self.forgettings
        rows = self._run(f"SELECT person_id, secret FROM person_keys WHERE person_id IN"
                         f" ({', '.join('?' * len(owners))})", *map(str, owners))
        found = {UUID(owner): base64.b64decode(secret) for owner, secret in rows}
        now = time.monotonic()
        if self.forgettings == seen:
            self.cache.update({owner: (now, found.get(owner)) for owner in owners})

    def create_keys(self, owners: list[UUID]) -> None:
        """Keys for many new people in one transaction: an import of thousands would
        otherwise wait for a commit per person before it could seal their names. Only for
        ids made a moment ago: one that has a key already fails the whole batch."""
        fresh = {owner: AESGCM.generate_key(256) for owner in owners}
        self.tables.run_many("INSERT INTO person_keys VALUES (?, ?)", stored(fresh))
        self.cache.update({owner: (time.monotonic(), key) for owner, key in fresh.items()})

    def destroy(self, owner: UUID) -> None:
        """Forget a person for good: what was sealed with their key can no longer be read."""
        self._run("DELETE FROM person_keys WHERE person_id = ?", str(owner))
        self.cache[owner] = (time.monotonic(), None)
        if self.channel:
            self._run("SELECT pg_notify(?, ?)", self.channel, str(owner))
        self._run("VACUUM person_keys" if self.settings.is_postgres
                  else "PRAGMA wal_checkpoint(TRUNCATE)")

    def _run(self, sql: str, *params: str) -> list[tuple]:
        return self.tables.run(sql, *params)

    def _version(self) -> int:
        """SQLite's count of changes other connections committed to the keys' file."""
        return 0 if self.channel else self._run("PRAGMA data_version")[0][0]


def stored(keys: dict[UUID, bytes]) -> list[tuple[str, str]]:
    return [(str(owner), base64.b64encode(key).decode()) for owner, key in keys.items()]


class SealedPersonal(Transcoding):
    """Seals on the way in (AES-GCM, the owner's id as associated data); opens on the way out
    to plain text, or to "" when the owner's key is gone."""

    type = Personal
    name = "personal"

    def __init__(self, keyring: Keyring) -> None:
        self.keyring = keyring

    def encode(self, obj: Personal) -> dict[str, str]:
        nonce = os.urandom(12)
        sealed = AESGCM(self.keyring.key(obj.owner, create=True)).encrypt(
            nonce, obj.text.encode(), obj.owner.bytes)
        return {"owner": str(obj.owner), "sealed": base64.b64encode(nonce + sealed).decode()}

    def decode(self, data: dict[str, str]) -> str:
        owner = UUID(data["owner"])
        key = self.keyring.key(owner)
        if key is None:
            return ""
        raw = base64.b64decode(data["sealed"])
        return AESGCM(key).decrypt(raw[:12], raw[12:], owner.bytes).decode()
