"""Group commit: the commands that finish deciding while another's events are being written
wait for that transaction, then go together in the next one. At a busy door sixty-four
check-ins then cost one lock of the events table and one flush to disk, not sixty-four,
and each still gets its own answer: its own notification ids, or its own conflict.

No thread of its own and no timer: whoever finds nobody writing writes, for everyone who
queued by then, and hands the turn to the first who queued while it wrote. So a quiet
server writes each command at once, as before, and a busy one batches by itself.

The events still go through the library's recorder, one transaction per batch under its
table lock, so the notification log keeps its order: ids are handed out in commit order.
A batch refused by a uniqueness conflict (two doors, one ticket; one command sent twice)
is written again one command at a time, so the others still land and only the loser is
refused, to decide again on what the winner wrote.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder

Write = Callable[[Sequence[StoredEvent]], Sequence[int] | None]


class Waiting:
    """One command's events, waiting for their turn and then for their answer."""

    __slots__ = ("events", "turn", "done", "leads", "ids", "error")

    def __init__(self, events: Sequence[StoredEvent]) -> None:
        self.events = events
        self.turn = threading.Event()
        self.done = self.leads = False
        self.ids: Sequence[int] | None = None
        self.error: BaseException | None = None

    def finish(self, ids: Sequence[int] | None = None,
               error: BaseException | None = None) -> None:
        self.ids, self.error, self.done = ids, error, True
        self.turn.set()


class GroupCommit:
    def __init__(self, write: Write) -> None:
        self.write = write
        self.lock = threading.Lock()
        self.queue: list[Waiting] = []
        self.writing = False

    def insert(self, events: Sequence[StoredEvent]) -> Sequence[int] | None:
        """The notification ids of ``events``, once a transaction holding them committed."""
        mine = Waiting(events)
        with self.lock:
            self.queue.append(mine)
            mine.leads, self.writing = not self.writing, True
        if not mine.leads:
            mine.turn.wait()
        if not mine.done:
            self._lead()
        if mine.error is not None:
            raise mine.error
        return mine.ids

    def _lead(self) -> None:
        with self.lock:
            batch, self.queue = self.queue, []
        try:
            self._write(batch)
        finally:
            with self.lock:
                if self.queue:
                    self.queue[0].leads = True
                    self.queue[0].turn.set()
                else:
                    self.writing = False

    def _write(self, batch: list[Waiting]) -> None:
        try:
            ids = self.write([event for waiting in batch for event in waiting.events])
        except IntegrityError as conflict:
            if len(batch) == 1:
                return batch[0].finish(error=conflict)
            for waiting in batch:
                self._write([waiting])
            return
        except BaseException as error:  # the database is away: every one of them is told
            for waiting in batch:
                waiting.finish(error=error)
            return
        at = 0
        for waiting in batch:
            waiting.finish(ids and ids[at:at + len(waiting.events)])
            at += len(waiting.events)


class GroupCommittingRecorder(PostgresApplicationRecorder):
    """The library's recorder, its plain inserts batched by :class:`GroupCommit`; an insert
    that carries more (a tracking record) goes alone, as the library writes it. An
    application's save always names its tracking record, ``None`` when it has none."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = GroupCommit(super().insert_events)

    def insert_events(self, stored_events: Sequence[StoredEvent],
                      **kwargs: Any) -> Sequence[int] | None:
        if any(value is not None for value in kwargs.values()):
            return super().insert_events(stored_events, **kwargs)
        return self.group.insert(stored_events)
