"""What each attendee offers, searchable by what others need (:mod:`goodwill.matching`): the
index that suggestions of whom to introduce are matched in. Forgetting a person takes their
offers out of it, words and all."""

from __future__ import annotations

from uuid import UUID

from goodwill.database import Tx
from goodwill.domain.attendee import Attendee
from goodwill.matching import TextIndex
from goodwill.projections.engine.base import Projection, key, on

OFFERS = TextIndex("offer_texts")


class Offers(Projection):
    """One text an attendee, scoped to their event, in the store's own kind of text index
    (made and dropped by :class:`~goodwill.matching.TextIndex`); beside it, whose each is,
    so a forgotten person's go without reading another read model."""

    name = "offers"
    tables = {"offer_owners": "attendee_id TEXT PRIMARY KEY, person_id TEXT NOT NULL"}
    indexes = ("CREATE INDEX IF NOT EXISTS offer_owners_by_person"
               " ON offer_owners (person_id)",)

    def create(self, tx: Tx) -> None:
        super().create(tx)
        OFFERS.create(tx)

    def drop(self, tx: Tx) -> None:
        super().drop(tx)
        OFFERS.drop(tx)

    def forget(self, person_id: UUID, tx: Tx) -> None:
        tx.execute("DELETE FROM offer_texts WHERE text_id IN"
                   " (SELECT attendee_id FROM offer_owners WHERE person_id = ?)",
                   (key(person_id),))
        tx.execute("DELETE FROM offer_owners WHERE person_id = ?", (key(person_id),))
        OFFERS.removed_for_good(tx)

    @on
    def registered(self, e: Attendee.Registered, tx: Tx) -> None:
        tx.execute("INSERT INTO offer_owners VALUES (?, ?)",
                   (key(e.originator_id), key(e.person_id)))
        OFFERS.put(tx, key(e.originator_id), key(e.conference_id), e.profile.get("offers", ""))

    @on
    def profile_updated(self, e: Attendee.ProfileUpdated, tx: Tx) -> None:
        OFFERS.change(tx, key(e.originator_id), e.profile.get("offers", ""))
