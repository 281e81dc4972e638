"""Connection requests waiting for an answer: what the person asked sees on their phone, and
nothing the sender could read about how it ended."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.connection import MANUAL, Connection
from goodwill.domain.connection_request import ACCEPTED, DECLINED, PENDING, ConnectionRequest
from goodwill.projections.engine.base import Projection, iso, key, on
from goodwill.projections.engine.rows import update


class ConnectionRequests(Projection):
    name = "connection_requests"
    tables = {"connection_requests": "request_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL,"
                                     " sender TEXT NOT NULL, receiver TEXT NOT NULL,"
                                     " state TEXT NOT NULL, sent_at TEXT NOT NULL"}
    indexes = ("CREATE INDEX IF NOT EXISTS connection_requests_to"
               " ON connection_requests (receiver, state)",)
    forgets = ("DELETE FROM connection_requests WHERE sender = ? OR receiver = ?",)

    @on
    def sent(self, e: ConnectionRequest.Sent, tx: Tx) -> None:
        tx.execute("INSERT INTO connection_requests VALUES (?, ?, ?, ?, ?, ?)",
                   (key(e.originator_id), key(e.conference_id), key(e.sender),
                    key(e.receiver), PENDING, iso(e.happened_at)))

    @on
    def sent_again(self, e: ConnectionRequest.SentAgain, tx: Tx) -> None:
        update(tx, "connection_requests", {"request_id": key(e.originator_id)}, state=PENDING,
               conference_id=key(e.conference_id), sent_at=iso(e.happened_at))

    @on
    def answered(self, e: ConnectionRequest.Answered, tx: Tx) -> None:
        update(tx, "connection_requests", {"request_id": key(e.originator_id)}, state=e.state)

    @on
    def one_sided(self, e: Connection.Made, tx: Tx) -> None:
        """A connection made on one side's word alone waits for the other's, as a request
        under the connection's own id."""
        if e.method == MANUAL:
            other = e.person_b if e.made_by == e.person_a else e.person_a
            tx.execute("INSERT INTO connection_requests VALUES (?, ?, ?, ?, ?, ?)",
                       (key(e.originator_id), key(e.conference_id), key(e.made_by),
                        key(other), PENDING, iso(e.happened_at)))

    @on
    def confirmed(self, e: Connection.Confirmed, tx: Tx) -> None:
        update(tx, "connection_requests", {"request_id": key(e.originator_id)}, state=ACCEPTED)

    @on
    def declined(self, e: Connection.Declined, tx: Tx) -> None:
        update(tx, "connection_requests", {"request_id": key(e.originator_id)}, state=DECLINED)


async def waiting_for(db: Reader, person_id: UUID,
                      conference_id: UUID | None = None) -> list[dict[str, Any]]:
    """Requests to ``person_id`` not yet answered (at one event, if given), newest first,
    each with what the sender shows at that event: their name, company and role."""
    at, params = ("", ()) if conference_id is None else (" AND r.conference_id = ?",
                                                         (str(conference_id),))
    return await db.fetch(
        "SELECT r.request_id, r.conference_id, r.sender AS person_id, r.sent_at,"
        " a.name, a.company, a.role FROM connection_requests r"
        " JOIN attendees a ON a.conference_id = r.conference_id AND a.person_id = r.sender"
        f" WHERE r.receiver = ? AND r.state = ?{at} ORDER BY r.sent_at DESC, r.request_id",
        str(person_id), PENDING, *params)


async def asked_by(db: Reader, sender: UUID, conference_id: UUID) -> set[str]:
    """Whom ``sender`` has asked at this event and who has not said yes: one set, whatever
    each answered, so the sender's pages can say "asked" and nothing more."""
    rows = await db.fetch("SELECT receiver FROM connection_requests WHERE sender = ?"
                          " AND conference_id = ? AND state <> ?",
                          str(sender), str(conference_id), ACCEPTED)
    return {row["receiver"] for row in rows}
