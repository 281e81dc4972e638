"""Ticket check-in state: the fast path for scanning, door counts, and the scan log."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from uuid import UUID

from goodwill.database import Reader, Tx
from goodwill.domain.conference import Conference
from goodwill.domain.ticket import SEVERAL_TYPES, Ticket
from goodwill.projections.engine.base import Projection, iso, key, on
from goodwill.projections.engine.rows import update, when


class CheckIns(Projection):
    name = "check_ins"
    tables = {
        "check_in_lists": "conference_id TEXT NOT NULL, list_key TEXT NOT NULL,"
                          " name TEXT NOT NULL, PRIMARY KEY (conference_id, list_key)",
        "ticket_state": "ticket_id TEXT PRIMARY KEY, conference_id TEXT NOT NULL,"
                        " attendee_id TEXT NOT NULL, lists TEXT NOT NULL,"
                        " revoked BIGINT NOT NULL",
        "ticket_lists": "ticket_id TEXT NOT NULL, list_key TEXT NOT NULL,"
                        " inside BIGINT NOT NULL, checked_in_at TEXT NOT NULL,"
                        " device TEXT NOT NULL, PRIMARY KEY (ticket_id, list_key)",
        "scan_log": "ticket_id TEXT NOT NULL, version BIGINT NOT NULL,"
                    " conference_id TEXT NOT NULL, list_key TEXT NOT NULL,"
                    " direction TEXT NOT NULL, device TEXT NOT NULL, scanned_at TEXT NOT NULL,"
                    " received_at TEXT NOT NULL, PRIMARY KEY (ticket_id, version)",
        "check_in_undos": "ticket_id TEXT NOT NULL, version BIGINT NOT NULL,"
                          " undone_version BIGINT NOT NULL, PRIMARY KEY (ticket_id, version)",
        "ticket_types": "ticket_id TEXT PRIMARY KEY, ticket_type TEXT NOT NULL",
    }
    indexes = (
        "CREATE INDEX IF NOT EXISTS ticket_state_by_event ON ticket_state (conference_id)",
        "CREATE INDEX IF NOT EXISTS ticket_state_by_attendee ON ticket_state (attendee_id)",
        "CREATE INDEX IF NOT EXISTS scan_log_by_event ON scan_log (conference_id, scanned_at)",
    )

    @on
    def list_added(self, e: Conference.CheckInListAdded, tx: Tx) -> None:
        """Kept so that counts show every entrance, even one nobody has passed yet."""
        tx.execute("INSERT INTO check_in_lists VALUES (?, ?, ?)",
                   (key(e.originator_id), e.key, e.name))

    @on
    def issued(self, e: Ticket.Issued, tx: Tx) -> None:
        tx.execute("INSERT INTO ticket_state VALUES (?, ?, ?, ?, 0)",
                   (key(e.originator_id), key(e.conference_id), key(e.attendee_id),
                    json.dumps(e.lists)))

    @on
    def lists_changed(self, e: Ticket.ListsChanged, tx: Tx) -> None:
        update(tx, "ticket_state", {"ticket_id": key(e.originator_id)}, lists=json.dumps(e.lists))

    @on
    def typed(self, e: Ticket.Typed, tx: Tx) -> None:
        """A table of its own, so a store made before tickets had types needs no rebuild."""
        tx.execute("INSERT INTO ticket_types VALUES (?, ?) ON CONFLICT (ticket_id)"
                   " DO UPDATE SET ticket_type = excluded.ticket_type",
                   (key(e.originator_id), e.ticket_type))

    @on
    def revoked(self, e: Ticket.Revoked, tx: Tx) -> None:
        update(tx, "ticket_state", {"ticket_id": key(e.originator_id)}, revoked=1)

    @on
    def checked_in(self, e: Ticket.CheckedIn, tx: Tx) -> None:
        tx.execute("INSERT INTO ticket_lists VALUES (?, ?, 1, ?, ?) ON CONFLICT"
                   " (ticket_id, list_key) DO UPDATE SET inside = 1,"
                   " checked_in_at = excluded.checked_in_at, device = excluded.device",
                   (key(e.originator_id), e.list_key, when(e), e.device))
        self.log(tx, e, "in")

    @on
    def checked_out(self, e: Ticket.CheckedOut, tx: Tx) -> None:
        update(tx, "ticket_lists", {"ticket_id": key(e.originator_id), "list_key": e.list_key},
               inside=0, device=e.device)
        self.log(tx, e, "out")

    @on
    def check_in_undone(self, e: Ticket.CheckInUndone, tx: Tx) -> None:
        """The ticket's state on that list goes back to before the undone check-in: outside,
        and counted as checked in only if an earlier check-in there still stands."""
        ticket = key(e.originator_id)
        tx.execute("INSERT INTO check_in_undos VALUES (?, ?, ?)",
                   (ticket, e.originator_version, e.undone_version))
        self.log(tx, e, "undo")
        earlier = tx.fetchall(
            "SELECT scanned_at, device FROM scan_log s WHERE ticket_id = ? AND list_key = ?"
            " AND direction = 'in' AND NOT EXISTS (SELECT 1 FROM check_in_undos u"
            " WHERE u.ticket_id = s.ticket_id AND u.undone_version = s.version)"
            " ORDER BY version DESC LIMIT 1", (ticket, e.list_key))
        where = {"ticket_id": ticket, "list_key": e.list_key}
        if earlier:
            update(tx, "ticket_lists", where, inside=0, checked_in_at=earlier[0][0],
                   device=earlier[0][1])
        else:
            tx.execute("DELETE FROM ticket_lists WHERE ticket_id = ? AND list_key = ?",
                       (ticket, e.list_key))

    def log(self, tx: Tx, e: Ticket.CheckedIn | Ticket.CheckedOut | Ticket.CheckInUndone,
            direction: str) -> None:
        """Scan time is the device's; received time is when the server recorded the scan."""
        tx.execute("INSERT INTO scan_log SELECT ticket_id, ?, conference_id, ?, ?, ?, ?, ?"
                   " FROM ticket_state WHERE ticket_id = ?",
                   (e.originator_version, e.list_key, direction, e.device, when(e),
                    iso(e.timestamp), key(e.originator_id)))


async def ticket_state(db: Reader, ticket_id: UUID) -> dict[str, Any] | None:
    """The ticket, and per check-in list whether it is inside, since when, by which device."""
    ticket = await db.fetchrow("SELECT * FROM ticket_state WHERE ticket_id = ?", str(ticket_id))
    if ticket is None:
        return None
    scans = await db.fetch("SELECT list_key, inside, checked_in_at, device FROM ticket_lists"
                           " WHERE ticket_id = ? ORDER BY list_key", str(ticket_id))
    return {**ticket, "lists": json.loads(ticket["lists"]), "revoked": bool(ticket["revoked"]),
            "check_ins": {s["list_key"]: {"inside": bool(s["inside"]),
                                          "checked_in_at": s["checked_in_at"],
                                          "device": s["device"]} for s in scans}}


async def counts(db: Reader, conference_id: UUID) -> dict[str, dict[str, int]]:
    """Per check-in list: tickets ever checked in there, and how many are inside now."""
    rows = await db.fetch(
        "SELECT l.list_key, COUNT(t.ticket_id) AS checked_in,"
        " CAST(COALESCE(SUM(t.inside), 0) AS BIGINT) AS inside FROM check_in_lists l"
        " LEFT JOIN (SELECT tl.ticket_id, tl.list_key, tl.inside FROM ticket_lists tl"
        " JOIN ticket_state ts ON ts.ticket_id = tl.ticket_id WHERE ts.conference_id = ?) t"
        " ON t.list_key = l.list_key WHERE l.conference_id = ?"
        " GROUP BY l.list_key ORDER BY l.list_key", str(conference_id), str(conference_id))
    return {r["list_key"]: {"checked_in": r["checked_in"], "inside": r["inside"]} for r in rows}


async def scan_log(db: Reader, conference_id: UUID, limit: int = 100,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Newest scan first, by the device's scan time."""
    return await db.fetch(
        "SELECT ticket_id, conference_id, list_key, direction, device, scanned_at, received_at"
        " FROM scan_log WHERE conference_id = ? ORDER BY scanned_at DESC, ticket_id, version DESC"
        " LIMIT ? OFFSET ?", str(conference_id), limit, offset)


async def inside_now(db: Reader, conference_id: UUID) -> int:
    """People inside now: a ticket inside at two check-in lists (the hall and a workshop
    room within it) is one person."""
    return await db.fetchval(
        "SELECT COUNT(DISTINCT tl.ticket_id) FROM ticket_lists tl JOIN ticket_state ts"
        " ON ts.ticket_id = tl.ticket_id WHERE ts.conference_id = ? AND tl.inside = 1",
        str(conference_id))


async def by_ticket_type(db: Reader, conference_id: UUID) -> list[dict[str, Any]]:
    """Per ticket type, by name: tickets not revoked, how many ever checked in, how many
    inside now. A ticket of several types (one person's pass and workshop day) counts under
    each; tickets without a type are not listed."""
    rows = await db.fetch(
        "SELECT tt.ticket_type, COUNT(*) AS tickets,"
        " CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM ticket_lists l WHERE l.ticket_id ="
        " ts.ticket_id) THEN 1 ELSE 0 END) AS BIGINT) AS arrived,"
        " CAST(SUM(CASE WHEN EXISTS (SELECT 1 FROM ticket_lists l WHERE l.ticket_id ="
        " ts.ticket_id AND l.inside = 1) THEN 1 ELSE 0 END) AS BIGINT) AS inside"
        " FROM ticket_state ts JOIN ticket_types tt ON tt.ticket_id = ts.ticket_id"
        " WHERE ts.conference_id = ? AND ts.revoked = 0 AND tt.ticket_type <> ''"
        " GROUP BY tt.ticket_type", str(conference_id))
    found: dict[str, Counter] = {}
    for row in rows:
        for single in row["ticket_type"].split(SEVERAL_TYPES):
            found.setdefault(single, Counter()).update(
                {what: row[what] for what in ("tickets", "arrived", "inside")})
    return [{"ticket_type": name, **counts} for name, counts in sorted(found.items())]
