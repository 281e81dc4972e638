"""Uploaded files waiting for their import, and imports running or done.

Kept in the read side's database (SQLite beside the store, or PostgreSQL), not in one
worker's memory: any worker shows a job's preview and progress, and an upload or a half-done
import survives a restart. The file's text holds names and emails, so it is kept only until
its import is done, and an upload nobody imports is dropped after a day; what stays is the
counts and the bad rows' lines and reasons, which name no one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from uuid import UUID, uuid4

from goodwill.application import Goodwill
from goodwill.database import Reader, Writer
from goodwill.domain.errors import DomainError
from goodwill.imports.batches import run_import
from goodwill.imports.preview import Prepared, prepare

TABLE = ("CREATE TABLE IF NOT EXISTS import_jobs (import_id TEXT PRIMARY KEY,"
         " conference_id TEXT NOT NULL, actor TEXT, created_at TEXT NOT NULL,"
         " touched_at TEXT NOT NULL, state TEXT NOT NULL, filename TEXT NOT NULL,"
         " encoding TEXT NOT NULL, choices TEXT NOT NULL, content TEXT NOT NULL,"
         " total BIGINT NOT NULL, done BIGINT NOT NULL, result TEXT NOT NULL)")
KEPT = timedelta(days=1)
"""How long an upload nobody imports keeps its names and emails."""
STALE = timedelta(seconds=60)
"""A running import that has not moved for this long was stopped (a restart): it may resume."""
NAMES = ("import_id", "conference_id", "actor", "created_at", "touched_at", "state", "filename",
         "encoding", "choices", "content", "total", "done", "result")


@dataclass(frozen=True)
class Job:
    import_id: UUID
    conference_id: UUID
    actor: UUID | None
    state: str
    """ready (uploaded, previewed), running, done or failed."""
    filename: str
    encoding: str
    choices: dict[str, Any]
    """The organizer's overrides: separator, preset, mapping (field → column positions),
    pending (import pending orders too), lists (product → the check-in lists admitting it)."""
    content: str
    total: int
    done: int
    result: dict[str, Any]
    touched_at: str

    @property
    def stalled(self) -> bool:
        return self.state == "running" and self.touched_at < stamp(-STALE)

    def prepared(self) -> Prepared:
        """Made again from the text each time: a preview's rows are not kept twice."""
        mapping = self.choices.get("mapping")
        lists = self.choices.get("lists") or {}
        return prepare(self.content, self.encoding, self.choices.get("separator"),
                       self.choices.get("preset"),
                       {k: tuple(v) for k, v in mapping.items()} if mapping is not None else None,
                       pending=bool(self.choices.get("pending")),
                       lists_by_type={k: tuple(v) for k, v in lists.items()})


def stamp(offset: timedelta = timedelta()) -> str:
    return (datetime.now(timezone.utc) + offset).isoformat()


def create_table(writer: Writer) -> None:
    with writer.transaction() as tx:
        tx.execute(TABLE)


def add(writer: Writer, conference_id: UUID, filename: str, encoding: str, content: str,
        choices: dict[str, Any]) -> UUID:
    """A new upload, checked by the caller; forgets uploads nobody imported in time."""
    import_id, now = uuid4(), stamp()
    with writer.transaction() as tx:
        tx.execute("DELETE FROM import_jobs WHERE state = 'ready' AND created_at < ?",
                   (stamp(-KEPT),))
        tx.execute("INSERT INTO import_jobs VALUES (?, ?, NULL, ?, ?, 'ready', ?, ?, ?, ?, 0, 0,"
                   " '{}')", (str(import_id), str(conference_id), now, now, filename[:200],
                             encoding, json.dumps(choices), content))
    return import_id


def choose(writer: Writer, import_id: UUID, choices: dict[str, Any]) -> bool:
    """New overrides, only while nothing has been imported under the old ones."""
    return _update(writer, import_id, "choices = ?", (json.dumps(choices),), "state = 'ready'")


def claim(writer: Writer, import_id: UUID, actor: UUID) -> bool:
    """Whether this caller starts (or resumes) the import. The first starter stays its
    actor: a resumed chunk is then answered from the first run's receipt."""
    return _update(writer, import_id, "state = 'running', actor = COALESCE(actor, ?)",
                   (str(actor),), "(state IN ('ready', 'failed') OR (state = 'running'"
                   " AND touched_at < ?))", (stamp(-STALE),))


def advance(writer: Writer, import_id: UUID, done: int, total: int) -> None:
    _update(writer, import_id, "done = ?, total = ?", (done, total), "state = 'running'")


def finish(writer: Writer, import_id: UUID, result: dict[str, Any], state: str = "done") -> None:
    """Done: the names and emails go, the counts and reasons stay. Failed: kept to retry."""
    content = ", content = ''" if state == "done" else ""
    _update(writer, import_id, f"state = ?, result = ?{content}", (state, json.dumps(result)),
            "state = 'running'")


def _update(writer: Writer, import_id: UUID, assignments: str, values: tuple, condition: str,
            condition_values: tuple = ()) -> bool:
    """Whether the job was in the ``condition`` and is changed: one statement, so two
    workers confirming the same upload at once start it once."""
    with writer.transaction() as tx:
        return bool(tx.fetchall(f"UPDATE import_jobs SET {assignments}, touched_at = ?"
                                f" WHERE import_id = ? AND {condition} RETURNING import_id",
                                (*values, stamp(), str(import_id), *condition_values)))


def job_of(row: dict[str, Any] | None) -> Job | None:
    if row is None:
        return None
    return Job(UUID(row["import_id"]), UUID(row["conference_id"]),
               UUID(row["actor"]) if row["actor"] else None, row["state"], row["filename"],
               row["encoding"], json.loads(row["choices"]), row["content"], row["total"],
               row["done"], json.loads(row["result"]), row["touched_at"])


async def job(reader: Reader, conference_id: UUID, import_id: UUID) -> Job | None:
    """The event's job; another event's id finds nothing."""
    return job_of(await reader.fetchrow("SELECT * FROM import_jobs WHERE import_id = ?"
                                        " AND conference_id = ?", str(import_id),
                                        str(conference_id)))


def run(app: Goodwill, writer: Writer, import_id: UUID) -> None:
    """A claimed job's import, its progress written after each chunk. A refusal of the whole
    import (its organizer lost the role) fails the job with the reason, to retry later."""
    with writer.transaction() as tx:
        claimed = job_of(dict(zip(NAMES, tx.fetchall(
            "SELECT * FROM import_jobs WHERE import_id = ?", (str(import_id),))[0])))
    prepared = claimed.prepared()
    advance(writer, import_id, 0, len(prepared.rows))
    try:
        tally = run_import(app, claimed.actor, import_id, claimed.conference_id,
                           prepared.rows, prepared.bad,
                           lambda done, total: advance(writer, import_id, done, total))
    except DomainError as error:
        finish(writer, import_id, {"error": error.message}, "failed")
        return
    finish(writer, import_id, tally.as_dict())
