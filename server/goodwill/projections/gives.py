"""One row per give with its current state, kept by every read model that weighs gives.

Each read model keeps its own copy (named by ``gives_table``), because read models move
through the log at their own pace and must never read each other's half-written state.
"""

from __future__ import annotations

from typing import Any, ClassVar
from uuid import UUID

from goodwill.database import Tx
from goodwill.domain.give import Give
from goodwill.projections.engine.base import Projection, key, on
from goodwill.projections.engine.rows import update, when

GIVE_COLUMNS = ("give_id TEXT PRIMARY KEY, giver TEXT NOT NULL, receiver TEXT NOT NULL,"
                " conference_id TEXT NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL,"
                " status TEXT NOT NULL, retracted BIGINT NOT NULL, outcome TEXT,"
                " outcome_value TEXT, currency TEXT, happened_at TEXT NOT NULL,"
                " introduction_id TEXT")


class GiveRecords(Projection):
    gives_table: ClassVar[str]

    def forget(self, person_id: UUID, tx: Tx) -> None:
        super().forget(person_id, tx)
        tx.execute(f"UPDATE {self.gives_table} SET note = '' WHERE giver = ? OR receiver = ?",
                   (key(person_id), key(person_id)))

    @on
    def given(self, e: Give.Given, tx: Tx) -> None:
        """Recorded by its receiver, a give is confirmed from the start."""
        status = "thanked" if e.recorded_by == e.receiver else "pending"
        tx.execute(f"INSERT INTO {self.gives_table} VALUES"
                   " (?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, ?, ?)",
                   (key(e.originator_id), key(e.giver), key(e.receiver), key(e.conference_id),
                    e.kind, e.note, status, "new" if e.kind == "referral" else None, when(e),
                    key(e.introduction_id)))

    @on
    def thanked(self, e: Give.Thanked, tx: Tx) -> None:
        self.change_give(tx, e.originator_id, status="thanked")

    @on
    def disputed(self, e: Give.Disputed, tx: Tx) -> None:
        self.change_give(tx, e.originator_id, status="disputed")

    @on
    def retracted(self, e: Give.Retracted, tx: Tx) -> None:
        self.change_give(tx, e.originator_id, retracted=1)

    @on
    def outcome_recorded(self, e: Give.ReferralOutcomeRecorded, tx: Tx) -> None:
        self.change_give(tx, e.originator_id, outcome=e.outcome, currency=e.currency,
                         outcome_value=None if e.value is None else str(e.value))

    def change_give(self, tx: Tx, give_id: UUID, **columns: Any) -> None:
        update(tx, self.gives_table, {"give_id": key(give_id)}, **columns)
