"""Runs projections over the application's notification log: in order, in batches, each
batch's rows and tracking position in one transaction, so a crash anywhere resumes with no
loss and no duplicate. Several workers may run it at once; the tracking row's lock
lets one of them apply a batch."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventsourcing.application import Application

from goodwill.database import Reader, Tx, Writer, marks
from goodwill.projections.engine import failures
from goodwill.projections.engine.applying import apply_fast, apply_with_care
from goodwill.projections.engine.base import Projection

log = logging.getLogger(__name__)
TRACKING = "projection_tracking"
BATCH = 500


async def slowest_position(db: Reader) -> int:
    """How far every read model has come: the position of the one furthest behind."""
    return await db.fetchval(f"SELECT MIN(position) FROM {TRACKING}") or 0


@dataclass(frozen=True)
class Status:
    name: str
    position: int
    head: int

    @property
    def lag(self) -> int:
        return self.head - self.position


class ProjectionRunner:
    def __init__(self, app: Application, writer: Writer, projections: Sequence[Projection]):
        self.app, self.writer, self.projections = app, writer, projections
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None

    def create_tables(self) -> None:
        """Each read model's tables; one an older release made in another shape starts
        again from the log's beginning, so an upgrade needs no rebuild by hand."""
        with self.writer.transaction() as tx:
            tx.execute(f"CREATE TABLE IF NOT EXISTS {TRACKING} "
                       "(name TEXT PRIMARY KEY, position BIGINT NOT NULL)")
            failures.create(tx)
            for projection in self.projections:
                if projection.reshaped(tx):
                    log.warning("read model %s changed shape: rebuilding it from the log",
                                projection.name)
                    projection.drop(tx)
                    tx.execute(f"DELETE FROM {TRACKING} WHERE name = ?", (projection.name,))
                    failures.forget(tx, projection.name)
                projection.create(tx)
                tx.execute(f"INSERT INTO {TRACKING} (name, position) VALUES (?, 0) "
                           "ON CONFLICT (name) DO NOTHING", (projection.name,))

    def catch_up(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Apply everything recorded so far; returns how many log entries were read. A batch
        shorter than asked for reached the end of the log: nothing is read to learn that again
        (what is recorded later wakes the runner anew)."""
        read, head = 0, self.head() if progress else 0
        while True:
            done = self.process_batch()
            read += done
            if progress and done:
                progress(min(s.position for s in self.status()), head)
            if done < BATCH:
                return read

    def process_batch(self, projections: Sequence[Projection] | None = None,
                      limit: int = BATCH) -> int:
        """Read the log once for all read models; each skips what it already has. A batch
        that fails for its events, not for the database, is applied again one event and
        read model at a time, and what still fails is recorded and passed by."""
        projections = projections or self.projections
        try:
            return self._batch(projections, limit, careful=False)
        except Exception as error:
            if failures.transient(error):
                raise
            log.warning("a projection batch failed (%s); applying it event by event", error)
            return self._batch(projections, limit, careful=True)

    def _batch(self, projections: Sequence[Projection], limit: int, careful: bool) -> int:
        with self.writer.transaction() as tx:
            positions = self.lock(tx, [p.name for p in projections])
            notifications = self.app.recorder.select_notifications(
                start=min(positions.values()) + 1, limit=limit)
            apply = apply_with_care if careful else apply_fast
            for notification in notifications:
                due = [p for p in projections if notification.id > positions[p.name]]
                apply(self.app.mapper, notification, due, tx)
            if notifications:
                names = [p.name for p in projections]
                tx.execute(f"UPDATE {TRACKING} SET position = ? WHERE name IN ({marks(names)})",
                           (notifications[-1].id, *names))
        if any(n.topic.endswith("Person.Forgotten") for n in notifications):
            self.writer.compact()
        return len(notifications)

    def lock(self, tx: Tx, names: Sequence[str]) -> dict[str, int]:
        """The read models' positions, their tracking rows locked in one round trip and in
        the order of their names, which every worker keeps, so no two wait on each other."""
        lock = " FOR UPDATE" if self.writer.is_postgres else ""
        return dict(tx.fetchall(f"SELECT name, position FROM {TRACKING} WHERE name IN"
                                f" ({marks(names)}) ORDER BY name{lock}", names))

    def rebuild(self, progress: Callable[[int, int], None] | None = None) -> int:
        """Drop every read model and replay the whole log into fresh tables."""
        with self.writer.transaction() as tx:
            for projection in self.projections:
                projection.drop(tx)
            tx.execute(f"DROP TABLE IF EXISTS {TRACKING}")
            tx.execute(f"DROP TABLE IF EXISTS {failures.TABLE}")
        self.create_tables()
        return self.catch_up(progress)

    def head(self) -> int:
        return self.app.recorder.max_notification_id() or 0

    def position(self, name: str) -> int:
        with self.writer.transaction() as tx:
            return tx.fetchall(f"SELECT position FROM {TRACKING} WHERE name = ?", (name,))[0][0]

    def status(self) -> list[Status]:
        head = self.head()
        return [Status(p.name, self.position(p.name), head) for p in self.projections]

    def start(self, poll_seconds: float) -> None:
        """Follow the log in a thread: woken by :attr:`wake` (after each local command, and
        by the process's listener for other processes'), and by a poll as the last resort."""
        self.thread = threading.Thread(target=self._follow, args=(poll_seconds,),
                                       name="projections", daemon=True)
        self.thread.start()

    def _follow(self, poll_seconds: float) -> None:
        while not self.stopping.is_set():
            self.wake.clear()
            try:
                self.catch_up()
            except Exception:  # the failed batch rolled back whole; retry after a pause
                log.exception("projection batch failed; retrying")
                time.sleep(poll_seconds)
            self.wake.wait(poll_seconds)

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
        if self.thread is not None:
            self.thread.join(timeout=10)
