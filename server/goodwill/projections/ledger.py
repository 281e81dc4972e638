"""Per pair of people: what each gave the other, confirmed (thanked) and unconfirmed.

A ledger belongs to people, not attendees, so it spans every event. A retracted give never
counts; a disputed one counts as unconfirmed, since the receiver has not confirmed it.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.projections.gives import GIVE_COLUMNS, GiveRecords

TALLY = ("given_confirmed", "given_unconfirmed", "received_confirmed", "received_unconfirmed")


class Ledger(GiveRecords):
    name = "ledger"
    gives_table = "ledger_gives"
    tables = {"ledger_gives": GIVE_COLUMNS}
    indexes = ("CREATE INDEX IF NOT EXISTS ledger_by_giver ON ledger_gives (giver, receiver)",
               "CREATE INDEX IF NOT EXISTS ledger_by_receiver ON ledger_gives (receiver, giver)")


def counted(column: str) -> str:
    """``given_confirmed`` → the SQL that counts confirmed gives in the given direction."""
    direction, confirmation = column.split("_")
    status = "=" if confirmation == "confirmed" else "<>"
    return (f"CAST(SUM(CASE WHEN direction = '{direction}' AND status {status} 'thanked'"
            f" THEN 1 ELSE 0 END) AS BIGINT) AS {column}")


async def tallies(db: Reader, person_id: UUID,
                  other_id: UUID | None = None) -> list[dict[str, Any]]:
    """Counts per counterpart, both directions at once; ``other_id`` narrows it to one pair."""
    pair, params = "", [str(person_id), str(person_id)]
    if other_id is not None:
        pair, params = " WHERE other_id = ?", [*params, str(other_id)]
    rows = await db.fetch(
        f"SELECT other_id, {', '.join(map(counted, TALLY))} FROM ("
        " SELECT receiver AS other_id, 'given' AS direction, status FROM ledger_gives"
        " WHERE giver = ? AND retracted = 0 UNION ALL"
        " SELECT giver AS other_id, 'received' AS direction, status FROM ledger_gives"
        f" WHERE receiver = ? AND retracted = 0) AS g{pair}"
        " GROUP BY other_id ORDER BY other_id", *params)
    return [{**r, "balance": r["given_confirmed"] - r["received_confirmed"]} for r in rows]


async def balances(db: Reader, person_id: UUID) -> list[dict[str, Any]]:
    """One row per person I have given to or received from; balance > 0 means I gave more."""
    return await tallies(db, person_id)


async def pair_ledger(db: Reader, person_id: UUID, other_id: UUID) -> dict[str, Any]:
    """Both directions' gives, newest first, and their counts as seen from ``person_id``."""
    gives = await db.fetch(
        "SELECT *, CASE WHEN giver = ? THEN 'given' ELSE 'received' END AS direction"
        " FROM ledger_gives WHERE retracted = 0 AND ((giver = ? AND receiver = ?)"
        " OR (giver = ? AND receiver = ?)) ORDER BY happened_at DESC, give_id DESC",
        str(person_id), str(person_id), str(other_id), str(other_id), str(person_id))
    found = await tallies(db, person_id, other_id)
    tally = found[0] if found else {**dict.fromkeys(TALLY, 0), "balance": 0}
    return {"person_id": str(person_id), "other_id": str(other_id), "gives": gives,
            "given": by_confirmation(tally, "given"),
            "received": by_confirmation(tally, "received"), "balance": tally["balance"]}


def by_confirmation(tally: dict[str, Any], direction: str) -> dict[str, int]:
    return {"confirmed": tally[f"{direction}_confirmed"],
            "unconfirmed": tally[f"{direction}_unconfirmed"]}


async def my_give(db: Reader, give_id: UUID, person_id: UUID) -> dict[str, Any] | None:
    """The give if ``person_id`` gave or received it, retracted or not, with the other
    party's id and the direction seen from ``person_id``."""
    return await db.fetchrow(
        "SELECT *, CASE WHEN giver = ? THEN receiver ELSE giver END AS other_id,"
        " CASE WHEN giver = ? THEN 'given' ELSE 'received' END AS direction FROM ledger_gives"
        " WHERE give_id = ? AND (giver = ? OR receiver = ?)", str(person_id), str(person_id),
        str(give_id), str(person_id), str(person_id))
