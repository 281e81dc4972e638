"""My contacts across events: everyone I am connected with, where and when we met, and what
passed between us (gives both ways, promises still open), for the contacts page and
``GET /api/v1/me/contacts``. Queries only, over the follow-up, ledger and directory tables."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.projections import ledger
from goodwill.projections.directory import like

MINE = ("FROM followup_contacts c JOIN people p ON p.person_id = c.other_id"
        " JOIN conferences e ON e.conference_id = c.conference_id"
        " LEFT JOIN attendees them ON them.person_id = c.other_id"
        " AND them.conference_id = c.conference_id"
        " WHERE c.person_id = ? AND p.name <> '' AND (LOWER(p.name) LIKE ? ESCAPE '\\'"
        " OR (them.listed_in_directory = 1 AND LOWER(them.company) LIKE ? ESCAPE '\\'))")
"""My connections whose name (or listed company) matches; the forgotten have no name left."""
OPEN_PROMISES = ("SELECT {them} AS other_id, COUNT(*) AS n FROM followup_promises"
                 " WHERE {me} = ? AND status = 'open' GROUP BY {them}")


def matching(person_id: UUID, search: str) -> list[str]:
    return [str(person_id), like(search), like(search)]


async def contacts(db: Reader, person_id: UUID, search: str = "", limit: int = 50,
                   after: UUID | None = None) -> list[dict[str, Any]]:
    """A page of them by name; ``after`` a contact shown, the ones that follow (keyset
    paging: none repeated or skipped while I meet more people). The company only where they
    list themselves in the directory, as everywhere else."""
    following, params = "", []
    if after is not None:
        following = " AND (p.name, c.other_id) > (SELECT name, person_id FROM people" \
                    " WHERE person_id = ?)"
        params = [str(after)]
    rows = await db.fetch(
        "SELECT c.other_id AS person_id, p.name, c.conference_id, e.name AS event_name,"
        " e.timezone, c.met_at, CASE WHEN them.listed_in_directory = 1 THEN them.company"
        f" ELSE '' END AS company {MINE}{following} ORDER BY p.name, c.other_id LIMIT ?",
        *matching(person_id, search), *params, limit)
    return await with_balances(db, person_id, rows)


async def count(db: Reader, person_id: UUID, search: str = "") -> int:
    return await db.fetchval(f"SELECT COUNT(*) {MINE}", *matching(person_id, search))


async def open_promises(db: Reader, person_id: UUID, me: str, them: str) -> dict[str, int]:
    rows = await db.fetch(OPEN_PROMISES.format(me=me, them=them), str(person_id))
    return {r["other_id"]: r["n"] for r in rows}


async def with_balances(db: Reader, person_id: UUID,
                        rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each contact with the gives each way (thanked or not) and the promises still open."""
    tallies = {t["other_id"]: t for t in await ledger.tallies(db, person_id)}
    mine = await open_promises(db, person_id, "promiser", "promisee")
    theirs = await open_promises(db, person_id, "promisee", "promiser")
    empty = {**dict.fromkeys(ledger.TALLY, 0), "balance": 0}
    return [{**row, **{k: v for k, v in tallies.get(row["person_id"], empty).items()
                       if k != "other_id"},
             "promised_by_me": mine.get(row["person_id"], 0),
             "promised_to_me": theirs.get(row["person_id"], 0)} for row in rows]
