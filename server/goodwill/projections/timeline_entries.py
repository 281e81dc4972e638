"""The timeline's table, how its entries are written, and the entries made at the door.

One entry per person per fact. Its id is derived from the event and the person, so
applying an event again can never add an entry twice.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from goodwill.database import Tx
from goodwill.domain.attendee import Attendee
from goodwill.domain.conference import Conference
from goodwill.domain.ids import derived
from goodwill.domain.ticket import Ticket
from goodwill.projections.engine.base import key, on
from goodwill.projections.engine.rows import when
from goodwill.projections.ticket_holders import TICKET_COLUMNS, TicketHolders

Id = UUID | str


def entry_of(e: Any, person: Id, version: int | None = None) -> str:
    """The id of ``person``'s entry for event ``e`` (or for its aggregate's ``version``)."""
    return key(derived("timeline", e.originator_id, version or e.originator_version, person))


def write(tx: Tx, e: Any, person: Id, kind: str, conference: Id, other: Id | None = None, /,
          **detail: Any) -> None:
    tx.execute("INSERT INTO timeline_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
               " ON CONFLICT (entry_id) DO NOTHING",
               (entry_of(e, person), key(person), key(conference), when(e), kind, key(other),
                key(e.originator_id), json.dumps(detail)))


def mirrored(tx: Tx, e: Any, person: Id, other: Id, kinds: tuple[str, str], conference: Id, /,
             **detail: Any) -> None:
    """A fact between two people: ``kinds`` are the first person's and the other's."""
    write(tx, e, person, kinds[0], conference, other, **detail)
    write(tx, e, other, kinds[1], conference, person, **detail)


def party(tx: Tx, subject_id: UUID, kind: str) -> tuple[str, str | None, str]:
    """Who an earlier entry of ``kind`` about this subject was for, whom it named, and where:
    later events of gives, promises and connections do not repeat who is involved."""
    (found,) = tx.fetchall("SELECT person_id, other_person_id, conference_id"
                           " FROM timeline_entries WHERE subject_id = ? AND kind = ?"
                           " ORDER BY entry_id LIMIT 1", (key(subject_id), kind))
    return found


FREE_TEXT = ("note", "why", "what", "text", "message", "reason")


class TimelineEntries(TicketHolders):
    tickets_table = "timeline_tickets"
    forgets = ("DELETE FROM timeline_entries WHERE person_id = ?",)

    def forget(self, person_id: UUID, tx: Tx) -> None:
        """Their own timeline goes; in others' entries that name them, the texts go."""
        super().forget(person_id, tx)
        rows = tx.fetchall("SELECT entry_id, detail FROM timeline_entries"
                           " WHERE other_person_id = ? OR detail LIKE ?",
                           (key(person_id), f"%{person_id}%"))
        tx.executemany("UPDATE timeline_entries SET detail = ? WHERE entry_id = ?",
                       [(json.dumps(without_text(json.loads(detail))), entry_id)
                        for entry_id, detail in rows])

    tables = {
        "timeline_entries": "entry_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,"
                            " conference_id TEXT NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL,"
                            " other_person_id TEXT, subject_id TEXT NOT NULL,"
                            " detail TEXT NOT NULL",
        "timeline_attendees": "attendee_id TEXT PRIMARY KEY, person_id TEXT NOT NULL",
        "timeline_tickets": TICKET_COLUMNS,
        "timeline_lists": "conference_id TEXT NOT NULL, list_key TEXT NOT NULL,"
                          " name TEXT NOT NULL, PRIMARY KEY (conference_id, list_key)",
    }
    indexes = (
        "CREATE INDEX IF NOT EXISTS timeline_by_person"
        " ON timeline_entries (person_id, at, entry_id)",
        "CREATE INDEX IF NOT EXISTS timeline_by_subject ON timeline_entries (subject_id, kind)",
    )

    @on
    def attendee_registered(self, e: Attendee.Registered, tx: Tx) -> None:
        tx.execute("INSERT INTO timeline_attendees VALUES (?, ?)",
                   (key(e.originator_id), key(e.person_id)))

    @on
    def list_added(self, e: Conference.CheckInListAdded, tx: Tx) -> None:
        tx.execute("INSERT INTO timeline_lists VALUES (?, ?, ?)",
                   (key(e.originator_id), e.key, e.name))

    @on
    def checked_in(self, e: Ticket.CheckedIn, tx: Tx) -> None:
        self.scanned(tx, e, "checked_in")

    @on
    def checked_out(self, e: Ticket.CheckedOut, tx: Tx) -> None:
        self.scanned(tx, e, "checked_out")

    @on
    def check_in_undone(self, e: Ticket.CheckInUndone, tx: Tx) -> None:
        """A check-in undone as a mistake leaves the ticket holder's timeline too."""
        (person,), = tx.fetchall(
            "SELECT a.person_id FROM timeline_tickets t JOIN timeline_attendees a"
            " ON a.attendee_id = t.attendee_id WHERE t.ticket_id = ?", (key(e.originator_id),))
        tx.execute("DELETE FROM timeline_entries WHERE entry_id = ?",
                   (entry_of(e, person, e.undone_version),))

    def scanned(self, tx: Tx, e: Ticket.CheckedIn | Ticket.CheckedOut, kind: str) -> None:
        """A scan names only its ticket: find the ticket's person and the list's name."""
        (person, conference, list_name), = tx.fetchall(
            "SELECT a.person_id, t.conference_id, l.name FROM timeline_tickets t"
            " JOIN timeline_attendees a ON a.attendee_id = t.attendee_id"
            " JOIN timeline_lists l ON l.conference_id = t.conference_id AND l.list_key = ?"
            " WHERE t.ticket_id = ?", (e.list_key, key(e.originator_id)))
        write(tx, e, person, kind, conference, list_key=e.list_key, list_name=list_name,
              device=e.device)


def without_text(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: "" if k in FREE_TEXT else v for k, v in detail.items()}
