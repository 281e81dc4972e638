"""What I owe and what I should answer: promises due, thanks to send, people who helped me
and whom I have not helped back, people I met and have not followed up, introductions to
answer. Listening notes count as following up but their text is not kept here."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.connection import MANUAL, Connection
from goodwill.domain.introduction import Introduction
from goodwill.domain.note import ListeningNote
from goodwill.domain.promise import Promise
from goodwill.projections import followup_lists as lists
from goodwill.projections.engine.base import key, on
from goodwill.projections.gives import GIVE_COLUMNS, GiveRecords
from goodwill.projections.engine.rows import update, when

DUE_SOON = timedelta(days=7)


def both_ways(a: UUID, b: UUID) -> tuple[tuple[str, str], ...]:
    return (key(a), key(b)), (key(b), key(a))


class FollowUps(GiveRecords):
    name = "follow_ups"
    gives_table = "followup_gives"
    tables = {
        "followup_gives": GIVE_COLUMNS,
        "followup_promises": "promise_id TEXT PRIMARY KEY, promiser TEXT NOT NULL,"
                             " promisee TEXT NOT NULL, conference_id TEXT NOT NULL,"
                             " what TEXT NOT NULL, due_on TEXT NOT NULL, status TEXT NOT NULL,"
                             " made_at TEXT NOT NULL",
        "followup_notes": "note_id TEXT PRIMARY KEY, author TEXT NOT NULL, about TEXT NOT NULL,"
                          " noted_at TEXT NOT NULL",
        "followup_contacts": "connection_id TEXT NOT NULL, person_id TEXT NOT NULL,"
                             " other_id TEXT NOT NULL, conference_id TEXT NOT NULL,"
                             " met_at TEXT NOT NULL, PRIMARY KEY (connection_id, person_id)",
        "followup_introductions": "introduction_id TEXT NOT NULL, person_id TEXT NOT NULL,"
                                  " other_id TEXT NOT NULL, introducer TEXT NOT NULL,"
                                  " conference_id TEXT NOT NULL, why TEXT NOT NULL,"
                                  " made_at TEXT NOT NULL, answered BIGINT NOT NULL,"
                                  " PRIMARY KEY (introduction_id, person_id)",
    }
    forgets = ("DELETE FROM followup_promises WHERE promiser = ?",
               "UPDATE followup_promises SET what = '' WHERE promisee = ?",
               "DELETE FROM followup_introductions WHERE person_id = ?",
               "UPDATE followup_introductions SET why = '' WHERE introducer = ? OR other_id = ?")
    indexes = (
        "CREATE INDEX IF NOT EXISTS followup_gives_by_giver ON followup_gives (giver, receiver)",
        "CREATE INDEX IF NOT EXISTS followup_gives_by_receiver ON followup_gives (receiver)",
        "CREATE INDEX IF NOT EXISTS followup_promises_by_promiser"
        " ON followup_promises (promiser, status, due_on)",
        "CREATE INDEX IF NOT EXISTS followup_notes_by_author ON followup_notes (author, about)",
        "CREATE INDEX IF NOT EXISTS followup_contacts_by_person ON followup_contacts (person_id)",
        "CREATE INDEX IF NOT EXISTS followup_introductions_by_person"
        " ON followup_introductions (person_id, answered)",
    )

    @on
    def promised(self, e: Promise.Made, tx: Tx) -> None:
        tx.execute("INSERT INTO followup_promises VALUES (?, ?, ?, ?, ?, ?, 'open', ?)",
                   (key(e.originator_id), key(e.promiser), key(e.promisee),
                    key(e.conference_id), e.what, e.due_on.isoformat(), when(e)))

    @on
    def promise_kept(self, e: Promise.Kept, tx: Tx) -> None:
        update(tx, "followup_promises", {"promise_id": key(e.originator_id)}, status="kept")

    @on
    def promise_dropped(self, e: Promise.Dropped, tx: Tx) -> None:
        update(tx, "followup_promises", {"promise_id": key(e.originator_id)}, status="dropped")

    @on
    def promise_rescheduled(self, e: Promise.Rescheduled, tx: Tx) -> None:
        update(tx, "followup_promises", {"promise_id": key(e.originator_id)},
               due_on=e.due_on.isoformat())

    @on
    def noted(self, e: ListeningNote.Noted, tx: Tx) -> None:
        tx.execute("INSERT INTO followup_notes VALUES (?, ?, ?, ?)",
                   (key(e.originator_id), key(e.author), key(e.about), when(e)))

    @on
    def note_removed(self, e: ListeningNote.Removed, tx: Tx) -> None:
        tx.execute("DELETE FROM followup_notes WHERE note_id = ?", (key(e.originator_id),))

    @on
    def connected(self, e: Connection.Made, tx: Tx) -> None:
        """A connection made on one side's word is a contact only once confirmed."""
        if e.method != MANUAL:
            self.contacts(e, tx)

    @on
    def confirmed(self, e: Connection.Confirmed, tx: Tx) -> None:
        self.contacts(e, tx)

    def contacts(self, e: Connection.Made | Connection.Confirmed, tx: Tx) -> None:
        tx.executemany("INSERT INTO followup_contacts VALUES (?, ?, ?, ?, ?)",
                       [(key(e.originator_id), me, other, key(e.conference_id), when(e))
                        for me, other in both_ways(e.person_a, e.person_b)])

    @on
    def met_again(self, e: Connection.MetAgain, tx: Tx) -> None:
        """Meeting again at another event asks for a follow-up of its own."""
        update(tx, "followup_contacts", {"connection_id": key(e.originator_id)},
               conference_id=key(e.conference_id), met_at=when(e))

    @on
    def introduced(self, e: Introduction.Made, tx: Tx) -> None:
        tx.executemany("INSERT INTO followup_introductions VALUES (?, ?, ?, ?, ?, ?, ?, 0)",
                       [(key(e.originator_id), me, other, key(e.introducer),
                         key(e.conference_id), e.why, when(e))
                        for me, other in both_ways(e.person_a, e.person_b)])

    @on
    def introduction_answered(self, e: Introduction.Answered, tx: Tx) -> None:
        update(tx, "followup_introductions",
               {"introduction_id": key(e.originator_id), "person_id": key(e.person_id)},
               answered=1)


async def follow_ups(db: Reader, person_id: UUID, today: date,
                     conference_id: UUID | None = None,
                     dates: Mapping[str, date] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Everything a person should act on; ``conference_id`` narrows it to one event.
    ``dates`` is today at each event by its id, where promises made there fall due;
    ``today`` stands for any other."""
    scope = lists.Scope(db, str(person_id), key(conference_id))
    dates = dates or {}
    last = max([today, *dates.values()]) + DUE_SOON
    promises = await lists.open_promises(scope, date.min, last)
    return {
        **lists.by_due_date(promises, lambda row: dates.get(row["conference_id"], today),
                            DUE_SOON),
        "thanks_to_send": await lists.thanks_to_send(scope),
        "not_helped_back": await lists.not_helped_back(scope),
        "met_without_follow_up": await lists.met_without_follow_up(scope),
        "introductions_to_answer": await lists.introductions_to_answer(scope),
    }


PROMISES = ("SELECT p.promise_id, p.what, p.due_on, p.status, a.name AS promisee_name"
            " FROM followup_promises p LEFT JOIN attendees a ON a.person_id = p.promisee"
            " AND a.conference_id = p.conference_id WHERE p.promiser = ?")
"""Promises someone made, each with the name its promisee goes by where it was made."""


async def promise(db: Reader, promise_id: UUID, promiser: UUID) -> dict[str, Any] | None:
    """The promise if ``promiser`` made it."""
    return await db.fetchrow(PROMISES + " AND p.promise_id = ?", str(promiser), str(promise_id))


async def still_to_keep(db: Reader, promiser: UUID) -> list[dict[str, Any]]:
    """What ``promiser`` still has to do, the soonest due first."""
    return await db.fetch(PROMISES + " AND p.status = 'open' ORDER BY p.due_on, p.promise_id",
                          str(promiser))


async def word_kept(db: Reader, promiser: UUID, today: date,
                    dates: Mapping[str, date] | None = None) -> dict[str, Any]:
    """How ``promiser`` keeps their word: kept ÷ (kept + overdue + released). A promise not
    yet due counts for nothing, and one kept late counts as kept. ``dates`` and ``today``
    date each promise by its event's day, as the follow-ups do."""
    dates = dates or {}
    rows = await db.fetch("SELECT status, due_on, conference_id FROM followup_promises"
                          " WHERE promiser = ?", str(promiser))
    tally = {"kept": 0, "released": 0, "overdue": 0}
    for row in rows:
        if row["status"] == "kept":
            tally["kept"] += 1
        elif row["status"] == "dropped":
            tally["released"] += 1
        elif date.fromisoformat(row["due_on"]) < dates.get(row["conference_id"], today):
            tally["overdue"] += 1
    judged = sum(tally.values())
    return {**tally, "judged": judged, "rate": tally["kept"] / judged if judged else None}
