"""The follow-up lists, one query each, for one person and optionally one event."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from goodwill.database import Reader

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Scope:
    """Whose lists, and which event's (``None`` for all of them)."""

    db: Reader
    person_id: str
    conference_id: str | None

    async def fetch(self, sql: str, params: tuple[Any, ...], alias: str, tail: str) -> Rows:
        """``sql`` ends in its WHERE conditions; the event's condition joins them when asked."""
        if self.conference_id is not None:
            sql, params = f"{sql} AND {alias}.conference_id = ?", (*params, self.conference_id)
        return await self.db.fetch(f"{sql} {tail}", *params)


async def open_promises(scope: Scope, first: date, last: date) -> Rows:
    """Promises I made, still open, due between ``first`` and ``last`` inclusive."""
    return await scope.fetch(
        "SELECT promise_id, promisee AS other_id, conference_id, what, due_on, made_at"
        " FROM followup_promises p WHERE p.promiser = ? AND p.status = 'open'"
        " AND p.due_on BETWEEN ? AND ?",
        (scope.person_id, first.isoformat(), last.isoformat()), "p",
        "ORDER BY p.due_on, p.promise_id")


def by_due_date(promises: Rows, today: Callable[[dict[str, Any]], date],
                soon: timedelta) -> dict[str, Rows]:
    """Open promises that are overdue, and those due from today until ``soon`` after it,
    each by ``today`` where it was made: midnight comes to every event at its own time."""
    overdue, due = [], []
    for row in promises:
        days_left = date.fromisoformat(row["due_on"]) - today(row)
        if days_left < timedelta(0):
            overdue.append(row)
        elif days_left <= soon:
            due.append(row)
    return {"overdue_promises": overdue, "due_promises": due}


async def thanks_to_send(scope: Scope) -> Rows:
    """An introduction is not thanked but accepted: it waits under introductions."""
    return await scope.fetch(
        "SELECT give_id, giver AS other_id, conference_id, kind, note, happened_at"
        " FROM followup_gives g WHERE g.receiver = ? AND g.status = 'pending'"
        " AND g.retracted = 0 AND g.introduction_id IS NULL", (scope.person_id,), "g",
        "ORDER BY g.happened_at DESC, g.give_id")


async def not_helped_back(scope: Scope) -> Rows:
    """Who gave me something I confirmed, while I have given them nothing at all."""
    return await scope.fetch(
        "SELECT g.giver AS other_id, COUNT(*) AS gives, MAX(g.happened_at) AS last_received_at"
        " FROM followup_gives g WHERE g.receiver = ? AND g.status = 'thanked'"
        " AND g.retracted = 0 AND NOT EXISTS (SELECT 1 FROM followup_gives back"
        " WHERE back.giver = g.receiver AND back.receiver = g.giver AND back.retracted = 0)",
        (scope.person_id,), "g", "GROUP BY g.giver ORDER BY last_received_at DESC, other_id")


async def met_without_follow_up(scope: Scope) -> Rows:
    """People I met with nothing between us since: no give either way (a thanks is an answer
    to one), no promise either way, no note of mine about them."""
    return await scope.fetch(
        "SELECT connection_id, other_id, conference_id, met_at FROM followup_contacts c"
        " WHERE c.person_id = ? AND NOT EXISTS (SELECT 1 FROM followup_gives g"
        " WHERE ((g.giver = c.person_id AND g.receiver = c.other_id)"
        " OR (g.giver = c.other_id AND g.receiver = c.person_id)) AND g.retracted = 0"
        " AND g.happened_at >= c.met_at) AND NOT EXISTS (SELECT 1 FROM followup_promises p"
        " WHERE ((p.promiser = c.person_id AND p.promisee = c.other_id)"
        " OR (p.promiser = c.other_id AND p.promisee = c.person_id)) AND p.made_at >= c.met_at)"
        " AND NOT EXISTS (SELECT 1 FROM followup_notes n WHERE n.author = c.person_id"
        " AND n.about = c.other_id AND n.noted_at >= c.met_at)", (scope.person_id,), "c",
        "ORDER BY c.met_at DESC, c.other_id")


async def introductions_to_answer(scope: Scope) -> Rows:
    return await scope.fetch(
        "SELECT introduction_id, other_id, introducer AS introducer_id, conference_id, why,"
        " made_at FROM followup_introductions i WHERE i.person_id = ? AND i.answered = 0",
        (scope.person_id,), "i", "ORDER BY i.made_at DESC, i.introduction_id")
