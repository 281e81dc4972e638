"""A person's story, newest first: connections, gives and thanks, introductions, promises,
check-ins, and the listening notes they wrote (only theirs: notes are private to their author).
"""

from __future__ import annotations

import json
from base64 import urlsafe_b64decode, urlsafe_b64encode
from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.connection import MANUAL, Connection
from goodwill.domain.give import Give
from goodwill.domain.introduction import Introduction
from goodwill.domain.note import ListeningNote
from goodwill.domain.promise import Promise
from goodwill.projections.engine.base import key, on
from goodwill.projections.timeline_entries import TimelineEntries, mirrored, party, write


UNCONFIRMED = "unconfirmed_connection"
ANSWERS = ("thanked_by_me", "thanked_me", "disputed_by_me", "disputed_me", "retracted",
           "referral_outcome")
"""Entries that answer a give: each is read with the give it answers."""
ANSWERS_IN_SQL = ", ".join(f"'{kind}'" for kind in ANSWERS)


class Timeline(TimelineEntries):
    name = "timeline"

    @on
    def connected(self, e: Connection.Made, tx: Tx) -> None:
        """Made on one side's word alone, it stays unconfirmed until the other confirms."""
        kind = UNCONFIRMED if e.method == MANUAL else "connected"
        mirrored(tx, e, e.person_a, e.person_b, (kind, kind), e.conference_id,
                 method=e.method, made_by=key(e.made_by))

    @on
    def met_again(self, e: Connection.MetAgain, tx: Tx) -> None:
        found = tx.fetchall("SELECT kind, person_id, other_person_id FROM timeline_entries"
                            f" WHERE subject_id = ? AND kind IN ('connected', '{UNCONFIRMED}')"
                            " ORDER BY kind, entry_id LIMIT 1", (key(e.originator_id),))
        kind, person, other = found[0]
        kind = "met_again" if kind == "connected" else UNCONFIRMED
        mirrored(tx, e, person, other, (kind, kind), e.conference_id, method=e.method,
                 made_by=key(e.made_by))

    @on
    def confirmed(self, e: Connection.Confirmed, tx: Tx) -> None:
        mirrored(tx, e, e.person_a, e.person_b, ("connected", "connected"), e.conference_id,
                 method=e.method, made_by=key(e.by))

    @on
    def given(self, e: Give.Given, tx: Tx) -> None:
        mirrored(tx, e, e.giver, e.receiver, ("gave", "received"), e.conference_id,
                 kind=e.kind, note=e.note, recorded_by=key(e.recorded_by),
                 introduction_id=key(e.introduction_id))

    @on
    def thanked(self, e: Give.Thanked, tx: Tx) -> None:
        self.answered(tx, e, ("thanked_by_me", "thanked_me"), message=e.message)

    @on
    def disputed(self, e: Give.Disputed, tx: Tx) -> None:
        self.answered(tx, e, ("disputed_by_me", "disputed_me"), reason=e.reason)

    @on
    def retracted(self, e: Give.Retracted, tx: Tx) -> None:
        self.answered(tx, e, ("retracted", "retracted"), reason=e.reason)

    @on
    def outcome_recorded(self, e: Give.ReferralOutcomeRecorded, tx: Tx) -> None:
        self.answered(tx, e, ("referral_outcome", "referral_outcome"), outcome=e.outcome,
                      value=None if e.value is None else str(e.value), currency=e.currency)

    def answered(self, tx: Tx, e: Any, kinds: tuple[str, str], **detail: Any) -> None:
        """What happened to a give after it was given; ``kinds`` are the receiver's, the giver's."""
        giver, receiver, conference = party(tx, e.originator_id, "gave")
        mirrored(tx, e, receiver, giver, kinds, conference, **detail)

    @on
    def introduced(self, e: Introduction.Made, tx: Tx) -> None:
        write(tx, e, e.introducer, "introduced", e.conference_id,
              people=[key(e.person_a), key(e.person_b)], why=e.why)
        mirrored(tx, e, e.person_a, e.person_b, ("was_introduced", "was_introduced"),
                 e.conference_id, introducer=key(e.introducer), why=e.why)

    @on
    def introduction_answered(self, e: Introduction.Answered, tx: Tx) -> None:
        """Only on the answerer's timeline: the introducer learns how it ended, not who
        said what."""
        introducer, _, conference = party(tx, e.originator_id, "introduced")
        write(tx, e, e.person_id, "introduction_answered", conference, introducer,
              accepted=e.accepted)

    @on
    def introduction_concluded(self, e: Introduction.Concluded, tx: Tx) -> None:
        introducer, _, conference = party(tx, e.originator_id, "introduced")
        write(tx, e, introducer, f"introduction_{e.outcome}", conference)

    @on
    def promised(self, e: Promise.Made, tx: Tx) -> None:
        mirrored(tx, e, e.promiser, e.promisee, ("promised", "was_promised"), e.conference_id,
                 what=e.what, due_on=e.due_on.isoformat())

    @on
    def promise_kept(self, e: Promise.Kept, tx: Tx) -> None:
        self.promise_changed(tx, e, "promise_kept")

    @on
    def promise_dropped(self, e: Promise.Dropped, tx: Tx) -> None:
        self.promise_changed(tx, e, "promise_dropped", reason=e.reason)

    @on
    def promise_rescheduled(self, e: Promise.Rescheduled, tx: Tx) -> None:
        self.promise_changed(tx, e, "promise_rescheduled", due_on=e.due_on.isoformat())

    def promise_changed(self, tx: Tx, e: Any, kind: str, **detail: Any) -> None:
        promiser, promisee, conference = party(tx, e.originator_id, "promised")
        mirrored(tx, e, promiser, promisee, (kind, kind), conference, **detail)

    @on
    def noted(self, e: ListeningNote.Noted, tx: Tx) -> None:
        write(tx, e, e.author, "noted", e.conference_id, e.about, kind=e.kind, text=e.text)

    @on
    def note_revised(self, e: ListeningNote.Revised, tx: Tx) -> None:
        tx.execute("UPDATE timeline_entries SET detail = ? WHERE subject_id = ? AND kind = 'noted'",
                   (json.dumps({"kind": e.kind, "text": e.text}), key(e.originator_id)))

    @on
    def note_removed(self, e: ListeningNote.Removed, tx: Tx) -> None:
        tx.execute("DELETE FROM timeline_entries WHERE subject_id = ? AND kind = 'noted'",
                   (key(e.originator_id),))


def cursor(row: dict[str, Any]) -> str:
    return urlsafe_b64encode(f"{row['at']}|{row['entry_id']}".encode()).decode()


def after_cursor(value: str) -> list[str]:
    """The (at, entry_id) a cursor stands for; ValueError when it is not one of ours."""
    at, _, entry_id = urlsafe_b64decode(value.encode()).decode().partition("|")
    if not entry_id:
        raise ValueError("Not a timeline cursor.")
    return [at, entry_id]


async def timeline(db: Reader, person_id: UUID, conference_id: UUID | None = None,
                   before: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Newest first, each with its event's time zone, whether I am ``connected`` with the
    other person it names, and an answer to a give (a thanks, a dispute…) with that give's
    ``give`` (its kind and note, from my own entry of it); pass the last row's ``cursor``
    as ``before`` for the next page."""
    where, params = ["t.person_id = ?"], [str(person_id)]
    if conference_id is not None:
        where, params = [*where, "t.conference_id = ?"], [*params, str(conference_id)]
    if before is not None:
        where, params = [*where, "(t.at, t.entry_id) < (?, ?)"], [*params, *after_cursor(before)]
    rows = await db.fetch(
        "SELECT t.*, a.name AS other_name, c.timezone, g.detail AS give,"
        " EXISTS (SELECT 1 FROM followup_contacts f WHERE f.person_id = t.person_id"
        " AND f.other_id = t.other_person_id) AS connected"
        " FROM timeline_entries t LEFT JOIN attendees a"
        " ON a.person_id = t.other_person_id AND a.conference_id = t.conference_id"
        " LEFT JOIN conferences c ON c.conference_id = t.conference_id"
        " LEFT JOIN timeline_entries g ON g.subject_id = t.subject_id"
        " AND g.person_id = t.person_id AND g.kind IN ('gave', 'received')"
        f" AND t.kind IN ({ANSWERS_IN_SQL})"
        f" WHERE {' AND '.join(where)} ORDER BY t.at DESC, t.entry_id DESC LIMIT ?",
        *params, limit)
    return [{**r, "detail": json.loads(r["detail"]), "cursor": cursor(r),
             "connected": bool(r["connected"]), "give": r["give"] and json.loads(r["give"])}
            for r in rows]


async def about(db: Reader, person_id: UUID, other_id: UUID,
                kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    """My entries of these kinds about one other person, newest first: a contact page's notes
    and promises, which no other read model keeps with their text."""
    rows = await db.fetch(
        "SELECT * FROM timeline_entries WHERE person_id = ? AND other_person_id = ?"
        f" AND kind IN ({', '.join('?' * len(kinds))}) ORDER BY at DESC, entry_id DESC",
        str(person_id), str(other_id), *kinds)
    return [{**r, "detail": json.loads(r["detail"])} for r in rows]


async def thanks_for(db: Reader, person_id: UUID, give_id: UUID) -> dict[str, Any] | None:
    """The thanks for a give, as one of its two people reads it: ``kind`` says which way
    (``thanked_me`` or ``thanked_by_me``), ``at`` when (``timezone`` the event's), and the
    message in ``detail``."""
    row = await db.fetchrow("SELECT t.kind, t.at, t.detail, c.timezone FROM timeline_entries t"
                            " LEFT JOIN conferences c ON c.conference_id = t.conference_id"
                            " WHERE t.subject_id = ? AND t.person_id = ?"
                            " AND t.kind IN ('thanked_me', 'thanked_by_me')",
                            str(give_id), str(person_id))
    return row and {**row, "detail": json.loads(row["detail"])}


CLOSED = {"promise_kept": "kept", "promise_dropped": "released"}


async def promises_between(db: Reader, person_id: UUID, other_id: UUID) -> list[dict[str, Any]]:
    """The promises either of us made the other, oldest first, each as it stands now: open
    (due when), kept, or released with the reason; read from my side's mirrored entries."""
    rows = await about(db, person_id, other_id, ("promised", "was_promised", "promise_kept",
                                                 "promise_dropped", "promise_rescheduled"))
    promises: dict[str, dict[str, Any]] = {}
    for row in reversed(rows):
        detail, found = row["detail"], promises.get(row["subject_id"])
        if row["kind"] in ("promised", "was_promised"):
            promises[row["subject_id"]] = {
                "promise_id": row["subject_id"], "mine": row["kind"] == "promised",
                "what": detail["what"], "due_on": detail["due_on"], "state": "open",
                "reason": "", "made_at": row["at"]}
        elif found and row["kind"] == "promise_rescheduled":
            found["due_on"] = detail["due_on"]
        elif found:
            found.update(state=CLOSED[row["kind"]], reason=detail.get("reason", ""),
                         closed_at=row["at"])
    return list(promises.values())
