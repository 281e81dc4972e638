"""Whom I could introduce to whom: a need I noted about a contact, or a contact's declared
need, matched (:mod:`goodwill.matching`) with the offers of my other contacts at that event,
kept ready for my suggestions. A need is matched when it is noted or declared; a new contact
brings their offer, matched against my needs, and their declared need. Two people already
connected or introduced are never suggested to each other. A note's words are kept under
its author alone, and every row under the person it is suggested to.

Needs are searched by owner and offers by event, each in the store's own text index."""

from __future__ import annotations

from uuid import UUID

from goodwill.database import Tx
from goodwill.domain.attendee import Attendee
from goodwill.domain.connection import MANUAL, Connection
from goodwill.domain.introduction import Introduction
from goodwill.domain.note import ListeningNote
from goodwill.domain.suggestion import Dismissal
from goodwill.matching import Among, TextIndex
from goodwill.projections.engine.base import key, on
from goodwill.projections.engine.rows import when
from goodwill.projections.gives import GIVE_COLUMNS, GiveRecords

OFFERS = TextIndex("offer_texts")
"""An attendee's offers, by attendee, searched within their event."""
NEEDS = TextIndex("need_texts")
"""Needs, by need, searched within the person they may be suggested to."""
PER_NEED = 3
"""Offers kept for one need: the best few, so a page shows the best of all my needs."""
PER_OFFER = 10
"""A new contact's offer is weighed against this many of my needs that it matches best."""


class Suggestions(GiveRecords):
    """Gives are kept too: whoever gave more is suggested first."""

    name = "suggestions"
    gives_table = "suggestion_gives"
    tables = {
        "suggestion_gives": GIVE_COLUMNS,
        "suggestion_attendees": "attendee_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,"
                                " conference_id TEXT NOT NULL, offers TEXT NOT NULL,"
                                " needs TEXT NOT NULL",
        "suggestion_contacts": "person_id TEXT NOT NULL, other_id TEXT NOT NULL,"
                               " conference_id TEXT NOT NULL,"
                               " PRIMARY KEY (person_id, other_id, conference_id)",
        "suggestion_acquainted": "person_id TEXT NOT NULL, other_id TEXT NOT NULL,"
                                 " PRIMARY KEY (person_id, other_id)",
        "suggestion_needs": "need_id TEXT PRIMARY KEY, owner TEXT NOT NULL,"
                            " about TEXT NOT NULL, conference_id TEXT NOT NULL,"
                            " text TEXT NOT NULL, noted_at TEXT NOT NULL,"
                            " owner_offers BIGINT NOT NULL",
        "suggested_introductions": "need_id TEXT NOT NULL, attendee_id TEXT NOT NULL,"
                                   " owner TEXT NOT NULL, about TEXT NOT NULL,"
                                   " offerer TEXT NOT NULL, rank DOUBLE PRECISION NOT NULL,"
                                   " PRIMARY KEY (need_id, attendee_id)",
        "suggestion_dismissals": "person_id TEXT NOT NULL, suggestion TEXT NOT NULL,"
                                 " PRIMARY KEY (person_id, suggestion)",
    }
    indexes = (
        "CREATE INDEX IF NOT EXISTS suggestion_gives_by_giver ON suggestion_gives (giver)",
        "CREATE INDEX IF NOT EXISTS suggestion_attendees_by_person"
        " ON suggestion_attendees (person_id, conference_id)",
        "CREATE INDEX IF NOT EXISTS suggestion_contacts_by_other"
        " ON suggestion_contacts (other_id, conference_id)",
        "CREATE INDEX IF NOT EXISTS suggestion_needs_by_owner"
        " ON suggestion_needs (owner, conference_id)",
        "CREATE INDEX IF NOT EXISTS suggested_introductions_by_owner"
        " ON suggested_introductions (owner, rank)",
        "CREATE INDEX IF NOT EXISTS suggested_introductions_by_offer"
        " ON suggested_introductions (attendee_id)",
    )

    def create(self, tx: Tx) -> None:
        super().create(tx)
        OFFERS.create(tx)
        NEEDS.create(tx)

    def drop(self, tx: Tx) -> None:
        super().drop(tx)
        OFFERS.drop(tx)
        NEEDS.drop(tx)

    def forget(self, person_id: UUID, tx: Tx) -> None:
        """Their offers, their needs and the needs noted about them, and every suggestion
        with them in it, words and all."""
        super().forget(person_id, tx)
        person = (key(person_id),)
        tx.execute("DELETE FROM offer_texts WHERE text_id IN (SELECT attendee_id"
                   " FROM suggestion_attendees WHERE person_id = ?)", person)
        tx.execute("DELETE FROM need_texts WHERE text_id IN (SELECT need_id"
                   " FROM suggestion_needs WHERE owner = ? OR about = ?)", person * 2)
        for statement in ("DELETE FROM suggestion_attendees WHERE person_id = ?",
                          "DELETE FROM suggestion_needs WHERE owner = ? OR about = ?",
                          "DELETE FROM suggestion_contacts WHERE person_id = ? OR other_id = ?",
                          "DELETE FROM suggestion_acquainted WHERE person_id = ? OR other_id = ?",
                          "DELETE FROM suggested_introductions"
                          " WHERE owner = ? OR about = ? OR offerer = ?",
                          "DELETE FROM suggestion_dismissals WHERE person_id = ?"):
            tx.execute(statement, person * statement.count("?"))
        OFFERS.removed_for_good(tx)
        NEEDS.removed_for_good(tx)

    @on
    def dismissed(self, e: Dismissal.Made, tx: Tx) -> None:
        tx.execute("INSERT INTO suggestion_dismissals VALUES (?, ?)",
                   (key(e.person), e.suggestion))

    @on
    def registered(self, e: Attendee.Registered, tx: Tx) -> None:
        tx.execute("INSERT INTO suggestion_attendees VALUES (?, ?, ?, '', '')",
                   (key(e.originator_id), key(e.person_id), key(e.conference_id)))
        self.declared(tx, key(e.originator_id), e.profile, when(e))

    @on
    def profile_updated(self, e: Attendee.ProfileUpdated, tx: Tx) -> None:
        self.declared(tx, key(e.originator_id), e.profile, when(e))

    def declared(self, tx: Tx, attendee: str, profile: dict, at: str) -> None:
        """What an attendee offers and needs, weighed again for each of their contacts."""
        (person, event), = tx.fetchall("SELECT person_id, conference_id FROM"
                                       " suggestion_attendees WHERE attendee_id = ?", (attendee,))
        offers, needs = profile.get("offers", ""), profile.get("needs", "")
        tx.execute("UPDATE suggestion_attendees SET offers = ?, needs = ? WHERE attendee_id = ?",
                   (offers, needs, attendee))
        OFFERS.put(tx, attendee, event, offers)
        for need_id, need in tx.fetchall("SELECT need_id, text FROM suggestion_needs"
                                         " WHERE owner = ? AND conference_id = ?",
                                         (person, event)):
            tx.execute("UPDATE suggestion_needs SET owner_offers = ? WHERE need_id = ?",
                       (answers(tx, event, need, attendee), need_id))
        tx.execute("DELETE FROM suggested_introductions WHERE attendee_id = ?", (attendee,))
        for (owner,) in tx.fetchall("SELECT person_id FROM suggestion_contacts"
                                    " WHERE other_id = ? AND conference_id = ?", (person, event)):
            self.offered(tx, owner, attendee, person, event)
            self.needed(tx, f"{attendee}@{owner}", owner, person, event, needs, at)

    @on
    def noted(self, e: ListeningNote.Noted, tx: Tx) -> None:
        self.needed(tx, key(e.originator_id), key(e.author), key(e.about),
                    key(e.conference_id), e.text, when(e))

    @on
    def revised(self, e: ListeningNote.Revised, tx: Tx) -> None:
        found = tx.fetchall("SELECT owner, about, conference_id, noted_at FROM suggestion_needs"
                            " WHERE need_id = ?", (key(e.originator_id),))
        for owner, about, event, noted_at in found:
            self.needed(tx, key(e.originator_id), owner, about, event, e.text, noted_at)

    @on
    def note_removed(self, e: ListeningNote.Removed, tx: Tx) -> None:
        self.unneeded(tx, key(e.originator_id))

    @on
    def connected(self, e: Connection.Made, tx: Tx) -> None:
        """A connection made on one side's word is a contact only once confirmed; either way
        the two know each other now."""
        self.acquainted(tx, key(e.person_a), key(e.person_b))
        if e.method != MANUAL:
            self.contacts(tx, key(e.person_a), key(e.person_b), key(e.conference_id), when(e))

    @on
    def confirmed(self, e: Connection.Confirmed, tx: Tx) -> None:
        self.contacts(tx, key(e.person_a), key(e.person_b), key(e.conference_id), when(e))

    @on
    def introduced(self, e: Introduction.Made, tx: Tx) -> None:
        self.acquainted(tx, key(e.person_a), key(e.person_b))

    def acquainted(self, tx: Tx, a: str, b: str) -> None:
        tx.execute("DELETE FROM suggestion_acquainted WHERE person_id IN (?, ?)"
                   " AND other_id IN (?, ?)", (a, b, a, b))
        tx.executemany("INSERT INTO suggestion_acquainted VALUES (?, ?)", [(a, b), (b, a)])
        tx.execute("DELETE FROM suggested_introductions WHERE (about = ? AND offerer = ?)"
                   " OR (about = ? AND offerer = ?)", (a, b, b, a))

    def contacts(self, tx: Tx, a: str, b: str, event: str, at: str) -> None:
        """Each gains the other's offer, weighed against their needs, and their declared
        need, weighed against their other contacts' offers."""
        if tx.fetchall("SELECT 1 FROM suggestion_contacts WHERE person_id = ? AND other_id = ?"
                       " AND conference_id = ?", (a, b, event)):
            return
        tx.executemany("INSERT INTO suggestion_contacts VALUES (?, ?, ?)",
                       [(a, b, event), (b, a, event)])
        for owner, other in ((a, b), (b, a)):
            for attendee, needs in tx.fetchall(
                    "SELECT attendee_id, needs FROM suggestion_attendees"
                    " WHERE person_id = ? AND conference_id = ?", (other, event)):
                self.offered(tx, owner, attendee, other, event)
                self.needed(tx, f"{attendee}@{owner}", owner, other, event, needs, at)

    def needed(self, tx: Tx, need_id: str, owner: str, about: str, event: str, text: str,
               noted_at: str) -> None:
        """A need, (re)placed, and the offers of the owner's contacts that answer it best."""
        self.unneeded(tx, need_id)
        if not text.strip():
            return
        mine = tx.fetchall("SELECT attendee_id FROM suggestion_attendees"
                           " WHERE person_id = ? AND conference_id = ?", (owner, event))
        tx.execute("INSERT INTO suggestion_needs VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (need_id, owner, about, event, text, noted_at,
                    max((answers(tx, event, text, a) for a, in mine), default=0)))
        NEEDS.put(tx, need_id, owner, text)
        among: Among = ("SELECT a.attendee_id FROM suggestion_attendees a"
                        " JOIN suggestion_contacts c ON c.other_id = a.person_id"
                        " AND c.conference_id = a.conference_id"
                        " WHERE c.person_id = ? AND c.conference_id = ? AND a.person_id <> ?"
                        " AND a.person_id NOT IN (SELECT other_id FROM suggestion_acquainted"
                        " WHERE person_id = ?)", (owner, event, about, about))
        for attendee, rank in OFFERS.best(tx, event, text, PER_NEED, among):
            suggest(tx, need_id, attendee, rank)

    def unneeded(self, tx: Tx, need_id: str) -> None:
        tx.execute("DELETE FROM suggestion_needs WHERE need_id = ?", (need_id,))
        tx.execute("DELETE FROM suggested_introductions WHERE need_id = ?", (need_id,))
        NEEDS.remove(tx, need_id)

    def offered(self, tx: Tx, owner: str, attendee: str, offerer: str, event: str) -> None:
        """A contact's offer, weighed against the owner's needs at that event that it
        matches; each keeps its best few offers."""
        (offer,), = tx.fetchall("SELECT offers FROM suggestion_attendees WHERE attendee_id = ?",
                                (attendee,))
        among: Among = ("SELECT need_id FROM suggestion_needs WHERE owner = ?"
                        " AND conference_id = ? AND about <> ? AND about NOT IN"
                        " (SELECT other_id FROM suggestion_acquainted WHERE person_id = ?)",
                        (owner, event, offerer, offerer))
        for need_id, _ in NEEDS.best(tx, owner, offer, PER_OFFER, among):
            (need,), = tx.fetchall("SELECT text FROM suggestion_needs WHERE need_id = ?",
                                   (need_id,))
            for _, rank in OFFERS.best(tx, event, need, 1, one(attendee)):
                suggest(tx, need_id, attendee, rank)
            tx.execute("DELETE FROM suggested_introductions WHERE need_id = ? AND attendee_id"
                       " NOT IN (SELECT attendee_id FROM suggested_introductions"
                       f" WHERE need_id = ? ORDER BY rank DESC LIMIT {PER_NEED})",
                       (need_id, need_id))


def one(attendee: str) -> Among:
    return "SELECT CAST(? AS TEXT)", (attendee,)


def answers(tx: Tx, event: str, need: str, attendee: str) -> int:
    """1 when what ``attendee`` offers matches ``need``: a need of mine that I could answer
    myself, said beside following up or helping back."""
    return int(bool(OFFERS.best(tx, event, need, 1, one(attendee))))


def suggest(tx: Tx, need_id: str, attendee: str, rank: float) -> None:
    tx.execute("INSERT INTO suggested_introductions SELECT n.need_id, a.attendee_id, n.owner,"
               " n.about, a.person_id, ? FROM suggestion_needs n, suggestion_attendees a"
               " WHERE n.need_id = ? AND a.attendee_id = ?", (rank, need_id, attendee))
