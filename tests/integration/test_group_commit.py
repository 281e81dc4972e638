"""Many doors at once: each command gets its own answer, and the notification log stays in
the order its readers rely on, with commands written together (group commit on PostgreSQL)
or one after another (SQLite)."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from eventsourcing.persistence import IntegrityError, StoredEvent
from eventsourcing.postgres import PostgresApplicationRecorder

from goodwill.domain.ids import ticket_id
from goodwill.group_commit import GroupCommit

DOORS, SCANS = 8, 8


def test_many_doors_at_once_each_get_their_own_answer_and_a_tailing_reader_misses_nothing(
        system, scenario):
    app, staff = system.app, scenario.organizer
    codes = [scenario[f"Guest {n}"].ticket_code for n in range(DOORS * SCANS)]
    recorder, start = app.recorder, app.recorder.max_notification_id() or 0
    positions: list[int] = []
    seen: list[int] = []
    writing = threading.Event()

    def door(number: int) -> None:
        for code in codes[number::DOORS]:
            outcome = app.check_in(staff, uuid.uuid4(), scenario.conference_id, code, "main",
                                   f"door-{number}")
            positions.append(outcome.position)

    def tail() -> None:
        """Reads on from the last id it saw, as the projection runner does."""
        while writing.is_set() or not seen or seen[-1] < max(positions, default=0):
            seen.extend(n.id for n in recorder.select_notifications(
                (seen[-1] if seen else start) + 1, 1000))

    writing.set()
    doors = [threading.Thread(target=door, args=(n,)) for n in range(DOORS)]
    reader = threading.Thread(target=tail)
    for thread in (reader, *doors):
        thread.start()
    for thread in doors:
        thread.join()
    writing.clear()
    reader.join()

    logged = [n.id for n in recorder.select_notifications(start + 1, 10_000)]
    assert seen == logged, "the tailing reader passed over an id that was filled in later"
    assert logged == sorted(set(logged))
    assert logged == list(range(start + 1, start + 1 + len(logged))), "a gap in the log"
    assert len(positions) == len(set(positions)) == len(codes)
    assert set(positions) <= set(logged)
    for code in codes:
        assert [type(e).__name__ for e in app.events.get(ticket_id(code))] == ["Issued",
                                                                              "CheckedIn"]


@pytest.mark.postgres
@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_a_conflict_in_a_batch_refuses_only_its_own_command(system):
    """Three commands queue behind a transaction in flight and go in one batch; the one
    that writes a version already taken is refused, the two beside it land, in order."""
    recorder = system.app.recorder
    writing, gate = threading.Event(), threading.Event()
    batches: list[int] = []

    def write(events):
        batches.append(len(events))
        writing.set()
        gate.wait()  # the first transaction holds the turn until the others queued
        return PostgresApplicationRecorder.insert_events(recorder, events)

    group = GroupCommit(write)
    taken, first, second = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    answers: dict[str, object] = {}

    def insert(name: str, originator: uuid.UUID) -> None:
        event = StoredEvent(originator_id=originator, originator_version=1,
                            topic="tests:Created", state=b"{}")
        try:
            answers[name] = group.insert([event])
        except IntegrityError as refusal:
            answers[name] = refusal

    leader = threading.Thread(target=insert, args=("leader", taken))
    leader.start()
    writing.wait()
    behind = [threading.Thread(target=insert, args=args) for args in
              (("first", first), ("again", taken), ("second", second))]
    for queued, thread in enumerate(behind, start=1):
        thread.start()
        while len(group.queue) < queued:  # in this order
            time.sleep(0.001)
    gate.set()
    for thread in (leader, *behind):
        thread.join()

    assert batches == [1, 3, 1, 1, 1]  # the leader's; the three together; each alone
    assert isinstance(answers["again"], IntegrityError)
    [leading], [landed_first], [landed_second] = (answers[n] for n in ("leader", "first",
                                                                      "second"))
    assert leading < landed_first < landed_second


@pytest.mark.postgres
@pytest.mark.parametrize("settings", ["postgres"], indirect=True)
def test_check_ins_that_finish_deciding_during_a_write_are_written_together(system, scenario):
    """Through the application's own save, as a door's command goes: while one check-in's
    transaction is in flight, two more queue, and then go in one transaction."""
    app, group = system.app, system.app.recorder.group
    codes = [scenario[f"Guest {n}"].ticket_code for n in range(3)]
    writing, gate = threading.Event(), threading.Event()
    batches: list[int] = []
    write = group.write

    def held_write(events):
        batches.append(len(events))
        writing.set()
        gate.wait()
        return write(events)

    group.write = held_write
    outcomes = []

    def door(code: str) -> None:
        outcomes.append(app.check_in(scenario.organizer, uuid.uuid4(), scenario.conference_id,
                                     code, "main", "door"))

    first = threading.Thread(target=door, args=(codes[0],))
    first.start()
    assert writing.wait(10), "the check-in was not written through the group commit"
    behind = [threading.Thread(target=door, args=(code,)) for code in codes[1:]]
    for thread in behind:
        thread.start()
    while len(group.queue) < 2:
        time.sleep(0.001)
    gate.set()
    for thread in (first, *behind):
        thread.join()

    assert batches == [2, 4]  # two events a check-in: its ticket's and its receipt's
    assert sorted(o.result["outcome"] for o in outcomes) == ["checked_in"] * 3
