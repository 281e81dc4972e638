"""What every read model needs to write its rows: when a fact happened, and updates by key."""

from __future__ import annotations

from typing import Any

from goodwill.database import Tx
from goodwill.projections.engine.base import iso


def when(event: Any) -> str:
    """The device's time when the event carries one (offline scans and gives arrive late),
    else the time the event was recorded."""
    moment = (getattr(event, "happened_at", None) or getattr(event, "scanned_at", None)
              or event.timestamp)
    return iso(moment)


def hour_of(event: Any) -> str:
    """The UTC hour an event falls in, as ``YYYY-MM-DDTHH:00Z``."""
    return hour(when(event))


def hour(moment: str) -> str:
    """The UTC hour of a moment written by :func:`~goodwill.projections.engine.base.iso`."""
    return moment[:13] + ":00Z"


def update(tx: Tx, table: str, where: dict[str, Any], **columns: Any) -> None:
    """``UPDATE table SET columns WHERE where``, with every value a parameter."""
    assignments = ", ".join(f"{column} = ?" for column in columns)
    conditions = " AND ".join(f"{column} = ?" for column in where)
    tx.execute(f"UPDATE {table} SET {assignments} WHERE {conditions}",
               (*columns.values(), *where.values()))
