"""When each attendee's consent choices changed: the choice made at registration, then every
change, so an attendee can see what they shared and since when."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.attendee import CONSENT, Attendee
from goodwill.projections.engine.base import Projection, iso, key, on


class ConsentHistory(Projection):
    name = "consent_history"
    tables = {
        "consent_history": "attendee_id TEXT NOT NULL, version BIGINT NOT NULL,"
                           " at TEXT NOT NULL,"
                           + "".join(f" {choice} BIGINT NOT NULL," for choice in CONSENT)
                           + " PRIMARY KEY (attendee_id, version)",
    }

    @on
    def registered(self, e: Attendee.Registered, tx: Tx) -> None:
        self.record(e, e.consent, tx)

    @on
    def changed(self, e: Attendee.ConsentChanged, tx: Tx) -> None:
        self.record(e, e.consent, tx)

    def record(self, e: Any, consent: dict[str, bool], tx: Tx) -> None:
        tx.execute(f"INSERT INTO consent_history VALUES (?, ?, ?{', ?' * len(CONSENT)})",
                   (key(e.originator_id), e.originator_version, iso(e.timestamp),
                    *(int(consent.get(choice, False)) for choice in CONSENT)))


async def consent_history(db: Reader, conference_id: UUID,
                          person_id: UUID) -> list[dict[str, Any]]:
    """Oldest first, starting with the choices made at registration."""
    rows = await db.fetch(
        f"SELECT h.at, {', '.join(f'h.{c}' for c in CONSENT)} FROM consent_history h"
        " JOIN attendees a ON a.attendee_id = h.attendee_id"
        " WHERE a.conference_id = ? AND a.person_id = ? ORDER BY h.version",
        str(conference_id), str(person_id))
    return [{**row, **{c: bool(row[c]) for c in CONSENT}} for row in rows]
