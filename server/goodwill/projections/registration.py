"""Self-registration: which events take newcomers with a join code, since when, and the code
sealed for the server alone, so the organizers' console can show it and its QR again."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.conference import Conference
from goodwill.projections.engine.base import Projection, iso, key, on


class Registration(Projection):
    name = "registration"
    tables = {"registration": "conference_id TEXT PRIMARY KEY, opened_at TEXT NOT NULL,"
                              " sealed_code TEXT NOT NULL"}

    @on
    def opened(self, e: Conference.RegistrationOpened, tx: Tx) -> None:
        """Opening again replaces the code: the old one no longer lets anyone in."""
        tx.execute("INSERT INTO registration VALUES (?, ?, ?) ON CONFLICT (conference_id)"
                   " DO UPDATE SET opened_at = excluded.opened_at,"
                   " sealed_code = excluded.sealed_code",
                   (key(e.originator_id), iso(e.timestamp), e.sealed_code))

    @on
    def closed(self, e: Conference.RegistrationClosed, tx: Tx) -> None:
        tx.execute("DELETE FROM registration WHERE conference_id = ?", (key(e.originator_id),))


async def registration(db: Reader, conference_id: UUID) -> dict[str, Any] | None:
    """None while the event takes no self-registration."""
    return await db.fetchrow("SELECT * FROM registration WHERE conference_id = ?",
                             str(conference_id))
