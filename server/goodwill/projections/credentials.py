"""Credentials: which sign-in links, passwords and devices exist and which are revoked.

Every signed-in request asks it one question (is this credential still good?), so it is one
row per credential, found by its primary key. It holds ids only, never a token.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.credential import Account, Device
from goodwill.projections.engine.base import Projection, iso, key, on
from goodwill.projections.engine.rows import update

LINK, ACCOUNT, DEVICE = "sign-in-link", "account", "device"


class Credentials(Projection):
    name = "credentials"
    tables = {"credentials": "credential_id TEXT PRIMARY KEY, purpose TEXT NOT NULL,"
                             " person_id TEXT, conference_id TEXT, label TEXT,"
                             " revoked BIGINT NOT NULL DEFAULT 0, issued_at TEXT"}
    indexes = ("CREATE INDEX IF NOT EXISTS credentials_by_event"
               " ON credentials (conference_id, purpose)",)

    @on
    def account_opened(self, e: Account.Opened, tx: Tx) -> None:
        """The account is what a password session names; only a password check opens one."""
        self._insert(tx, e.originator_id, ACCOUNT, e, person_id=e.person_id)

    @on
    def link_issued(self, e: Account.LinkIssued, tx: Tx) -> None:
        self._insert(tx, e.link_id, LINK, e, person_id=e.person_id)

    @on
    def link_revoked(self, e: Account.LinkRevoked, tx: Tx) -> None:
        update(tx, "credentials", {"credential_id": key(e.link_id)}, revoked=1)

    @on
    def device_issued(self, e: Device.Issued, tx: Tx) -> None:
        self._insert(tx, e.originator_id, DEVICE, e, conference_id=e.conference_id,
                     label=e.label)

    @on
    def device_revoked(self, e: Device.Revoked, tx: Tx) -> None:
        update(tx, "credentials", {"credential_id": key(e.originator_id)}, revoked=1)

    @staticmethod
    def _insert(tx: Tx, credential_id: UUID, purpose: str, e: Any, person_id: UUID | None = None,
                conference_id: UUID | None = None, label: str | None = None) -> None:
        tx.execute("INSERT INTO credentials VALUES (?, ?, ?, ?, ?, 0, ?)",
                   (key(credential_id), purpose, key(person_id), key(conference_id), label,
                    iso(e.timestamp)))


async def credential(db: Reader, credential_id: UUID) -> dict[str, Any] | None:
    return await db.fetchrow("SELECT * FROM credentials WHERE credential_id = ?",
                             str(credential_id))


async def devices(db: Reader, conference_id: UUID) -> list[dict[str, Any]]:
    return await db.fetch("SELECT credential_id AS device_id, label, revoked, issued_at"
                          " FROM credentials WHERE conference_id = ? AND purpose = ?"
                          " ORDER BY issued_at, credential_id", str(conference_id), DEVICE)
