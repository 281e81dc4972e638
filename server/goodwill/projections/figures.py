"""The event dashboard: how many check-ins, arrivals, connections, gives, introductions and
thanks, hour by hour (UTC), per event, and how many gives their receivers confirm now —
those people recorded apart from the two an introduction records for its introducer."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.connection import MANUAL, Connection
from goodwill.domain.give import Give
from goodwill.domain.introduction import Introduction
from goodwill.domain.ticket import Ticket
from goodwill.projections.engine.base import iso, key, on
from goodwill.projections.engine.rows import hour, hour_of, update
from goodwill.projections.ticket_holders import TICKET_COLUMNS, TicketHolders


class Figures(TicketHolders):
    name = "figures"
    tickets_table = "figure_tickets"
    tables = {
        "event_figures": "conference_id TEXT NOT NULL, hour TEXT NOT NULL, metric TEXT NOT NULL,"
                         " value BIGINT NOT NULL, PRIMARY KEY (conference_id, hour, metric)",
        "figure_tickets": TICKET_COLUMNS,
        "figure_arrivals": "ticket_id TEXT PRIMARY KEY",
        "figure_gives": "give_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL,"
                        " confirmed BIGINT NOT NULL, introduced BIGINT NOT NULL",
    }
    indexes = ("CREATE INDEX IF NOT EXISTS figure_gives_by_event"
               " ON figure_gives (conference_id, confirmed)",)

    @on
    def checked_in(self, e: Ticket.CheckedIn, tx: Tx) -> None:
        """A ticket's first check-in, at any entrance, is its holder's arrival; coming back
        from lunch is another check-in but no arrival."""
        conference_id, _ = self.holder_of(tx, e.originator_id)
        self.count(tx, conference_id, e, f"check_in:{e.list_key}")
        if not tx.fetchall("SELECT 1 FROM figure_arrivals WHERE ticket_id = ?",
                           (key(e.originator_id),)):
            tx.execute("INSERT INTO figure_arrivals VALUES (?)", (key(e.originator_id),))
            self.count(tx, conference_id, e, "arrival")

    @on
    def checked_out(self, e: Ticket.CheckedOut, tx: Tx) -> None:
        self.count(tx, self.holder_of(tx, e.originator_id)[0], e, f"check_out:{e.list_key}")

    @on
    def check_in_undone(self, e: Ticket.CheckInUndone, tx: Tx) -> None:
        """An undone check-in is taken off the hour it was counted in, and so is the
        arrival it was, when it was the ticket's only one."""
        conference_id, at = self.holder_of(tx, e.originator_id)[0], iso(e.undone_scanned_at)
        self.uncount(tx, conference_id, at, f"check_in:{e.list_key}")
        if e.arrival:
            tx.execute("DELETE FROM figure_arrivals WHERE ticket_id = ?", (key(e.originator_id),))
            self.uncount(tx, conference_id, at, "arrival")

    def uncount(self, tx: Tx, conference_id: str, moment: str, metric: str) -> None:
        tx.execute("UPDATE event_figures SET value = value - 1 WHERE conference_id = ?"
                   " AND hour = ? AND metric = ?", (conference_id, hour(moment), metric))

    @on
    def connected(self, e: Connection.Made, tx: Tx) -> None:
        """Only connections both people confirmed count: one side's word alone does not."""
        if e.method != MANUAL:
            self.count(tx, key(e.conference_id), e, "connection")

    @on
    def met_again(self, e: Connection.MetAgain, tx: Tx) -> None:
        if e.method != MANUAL:
            self.count(tx, key(e.conference_id), e, "connection")

    @on
    def confirmed(self, e: Connection.Confirmed, tx: Tx) -> None:
        self.count(tx, key(e.conference_id), e, "connection")

    @on
    def introduced(self, e: Introduction.Made, tx: Tx) -> None:
        self.count(tx, key(e.conference_id), e, "introduction")

    @on
    def given(self, e: Give.Given, tx: Tx) -> None:
        """A give its receiver records is thanked as it is recorded."""
        confirmed = e.recorded_by == e.receiver
        tx.execute("INSERT INTO figure_gives VALUES (?, ?, ?, ?)",
                   (key(e.originator_id), key(e.conference_id), int(confirmed),
                    int(e.introduction_id is not None)))
        self.count(tx, key(e.conference_id), e, f"give:{e.kind}")
        if confirmed:
            self.count(tx, key(e.conference_id), e, "thanked")

    @on
    def thanked(self, e: Give.Thanked, tx: Tx) -> None:
        """"thanked" counts confirmations, "thanks" the thank-yous said: an introduction's
        give is thanked by accepting the introduction, and says no thank-you."""
        self.confirm(tx, e.originator_id, True)
        (conference_id,), = tx.fetchall("SELECT conference_id FROM figure_gives"
                                        " WHERE give_id = ?", (key(e.originator_id),))
        self.count(tx, conference_id, e, "thanked")
        if not tx.fetchall("SELECT 1 FROM figure_gives WHERE give_id = ? AND introduced = 1",
                           (key(e.originator_id),)):
            self.count(tx, conference_id, e, "thanks")

    @on
    def disputed(self, e: Give.Disputed, tx: Tx) -> None:
        self.confirm(tx, e.originator_id, False)

    @on
    def retracted(self, e: Give.Retracted, tx: Tx) -> None:
        self.confirm(tx, e.originator_id, False)

    def confirm(self, tx: Tx, give_id: UUID, confirmed: bool) -> None:
        """A give stays confirmed while its receiver stands by the thanks and its giver by
        the give; the hourly "thanked" count keeps every thanks ever said."""
        update(tx, "figure_gives", {"give_id": key(give_id)}, confirmed=int(confirmed))

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


async def confirmed(db: Reader, conference_id: UUID) -> dict[str, int]:
    """Gives recorded at the event (``introduced`` of them by introductions, the rest by
    people), and how many of them their receivers confirm now."""
    row = await db.fetchrow("SELECT COUNT(*) AS gives,"
                            " CAST(COALESCE(SUM(confirmed), 0) AS BIGINT) AS confirmed,"
                            " CAST(COALESCE(SUM(introduced), 0) AS BIGINT) AS introduced"
                            " FROM figure_gives WHERE conference_id = ?", str(conference_id))
    return {"gives": row["gives"], "confirmed": row["confirmed"],
            "introduced": row["introduced"]}
