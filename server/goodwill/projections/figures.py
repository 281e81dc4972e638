"""The event dashboard: how many check-ins, connections, gives, introductions and thanks,
hour by hour (UTC), per event."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.connection import Connection
from goodwill.domain.give import Give
from goodwill.domain.introduction import Introduction
from goodwill.domain.ticket import Ticket
from goodwill.projections.base import Projection, iso, key, on
from goodwill.projections.rows import hour, hour_of


class Figures(Projection):
    name = "figures"
    tables = {
        "event_figures": "conference_id TEXT NOT NULL, hour TEXT NOT NULL, metric TEXT NOT NULL,"
                         " value BIGINT NOT NULL, PRIMARY KEY (conference_id, hour, metric)",
        "figure_subjects": "subject_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL",
    }

    @on
    def issued(self, e: Ticket.Issued, tx: Tx) -> None:
        self.remember(tx, e.originator_id, e.conference_id)

    @on
    def checked_in(self, e: Ticket.CheckedIn, tx: Tx) -> None:
        self.count(tx, self.conference_of(tx, e.originator_id), e, f"check_in:{e.list_key}")

    @on
    def checked_out(self, e: Ticket.CheckedOut, tx: Tx) -> None:
        self.count(tx, self.conference_of(tx, e.originator_id), e, f"check_out:{e.list_key}")

    @on
    def check_in_undone(self, e: Ticket.CheckInUndone, tx: Tx) -> None:
        """An undone check-in is taken off the hour it was counted in."""
        tx.execute("UPDATE event_figures SET value = value - 1 WHERE conference_id = ?"
                   " AND hour = ? AND metric = ?",
                   (self.conference_of(tx, e.originator_id), hour(iso(e.undone_scanned_at)),
                    f"check_in:{e.list_key}"))

    @on
    def connected(self, e: Connection.Made, tx: Tx) -> None:
        self.count(tx, key(e.conference_id), e, "connection")

    @on
    def met_again(self, e: Connection.MetAgain, tx: Tx) -> None:
        self.count(tx, key(e.conference_id), e, "connection")

    @on
    def introduced(self, e: Introduction.Made, tx: Tx) -> None:
        self.count(tx, key(e.conference_id), e, "introduction")

    @on
    def given(self, e: Give.Given, tx: Tx) -> None:
        """A give its receiver records is thanked as it is recorded."""
        self.remember(tx, e.originator_id, e.conference_id)
        self.count(tx, key(e.conference_id), e, f"give:{e.kind}")
        if e.recorded_by == e.receiver:
            self.count(tx, key(e.conference_id), e, "thanked")

    @on
    def thanked(self, e: Give.Thanked, tx: Tx) -> None:
        self.count(tx, self.conference_of(tx, e.originator_id), e, "thanked")

    def remember(self, tx: Tx, subject_id: UUID, conference_id: UUID) -> None:
        """Later events of tickets and gives do not name their event; this does."""
        tx.execute("INSERT INTO figure_subjects VALUES (?, ?)",
                   (key(subject_id), key(conference_id)))

    def conference_of(self, tx: Tx, subject_id: UUID) -> str:
        (conference_id,), = tx.fetchall(
            "SELECT conference_id FROM figure_subjects WHERE subject_id = ?", (key(subject_id),))
        return conference_id

    def count(self, tx: Tx, conference_id: str | None, e: Any, metric: str) -> None:
        tx.execute("INSERT INTO event_figures VALUES (?, ?, ?, 1)"
                   " ON CONFLICT (conference_id, hour, metric)"
                   " DO UPDATE SET value = event_figures.value + 1",
                   (conference_id, hour_of(e), metric))


async def figures(db: Reader, conference_id: UUID) -> dict[str, Any]:
    """Each metric per hour, oldest hour first, and each metric's total."""
    hours = await db.fetch("SELECT hour, metric, value FROM event_figures"
                           " WHERE conference_id = ? ORDER BY hour, metric", str(conference_id))
    totals: dict[str, int] = {}
    for row in hours:
        totals[row["metric"]] = totals.get(row["metric"], 0) + row["value"]
    return {"hours": hours, "totals": totals}
