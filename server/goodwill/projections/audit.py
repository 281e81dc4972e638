"""The audit log: what an event's organizers and staff did there, accepted or refused.

Built from command receipts, so a refused scan is logged as faithfully as an admitted one.
Attendees' own actions carry no ``audit`` event and never appear here.
"""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.receipt import CommandReceipt
from goodwill.projections.engine.base import Projection, iso, key, on


class AuditLog(Projection):
    name = "audit"
    tables = {
        "audit_log": "receipt_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL,"
                     " at TEXT NOT NULL, actor TEXT NOT NULL, command TEXT NOT NULL,"
                     " outcome TEXT NOT NULL, refusal TEXT, result_ids TEXT NOT NULL",
    }
    indexes = ("CREATE INDEX IF NOT EXISTS audit_log_by_event ON audit_log (conference_id, at)",)

    @on
    def recorded(self, e: CommandReceipt.Recorded, tx: Tx) -> None:
        if e.audit is None:
            return
        tx.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (key(e.originator_id), key(e.audit), iso(e.timestamp), key(e.actor),
                    e.command, "refused" if e.refusal else "accepted",
                    e.refusal[1] if e.refusal else None, json.dumps(result_ids(e.result))))


def result_ids(result: dict[str, Any]) -> dict[str, str]:
    """Only the ids a command answered with: a result may also hold a secret ticket code,
    which no log should keep."""
    return {name: str(value) for name, value in result.items() if name.endswith("_id")}


async def links_for(db: Reader, person_id: UUID) -> list[dict[str, Any]]:
    """Every sign-in link an organizer showed or emailed for this person, newest first:
    when, at which event, by whom. The person's own data page lists them, so nobody hands
    out their link unseen."""
    rows = await db.fetch(
        "SELECT l.at, l.command, p.name AS actor_name, c.name AS event_name"
        " FROM audit_log l LEFT JOIN people p ON p.person_id = l.actor"
        " LEFT JOIN conferences c ON c.conference_id = l.conference_id"
        " WHERE l.command IN ('issue_sign_in_link', 'email_sign_in_link')"
        " AND l.outcome = 'accepted' AND l.result_ids LIKE ?"
        " ORDER BY l.at DESC, l.receipt_id DESC LIMIT 100", f'%"person_id": "{person_id}"%')
    return [{**row, "emailed": row["command"] == "email_sign_in_link"} for row in rows]


async def audit_log(db: Reader, conference_id: UUID, limit: int = 100,
                    offset: int = 0) -> list[dict[str, Any]]:
    """Newest first, each with the acting person's name (none for the command line)."""
    rows = await db.fetch(
        "SELECT l.at, l.actor, p.name AS actor_name, l.command, l.outcome, l.refusal,"
        " l.result_ids FROM audit_log l LEFT JOIN people p ON p.person_id = l.actor"
        " WHERE l.conference_id = ? ORDER BY l.at DESC, l.receipt_id DESC LIMIT ? OFFSET ?",
        str(conference_id), limit, offset)
    return [{**row, "result_ids": json.loads(row["result_ids"])} for row in rows]
