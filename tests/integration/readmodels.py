"""Helpers to compare read models as plain data."""

from __future__ import annotations

from goodwill.bootstrap import System


def dump(system: System) -> dict[str, list[tuple]]:
    """Every read-model table's rows, sorted, so two runs compare with ==."""
    with system.writer.transaction() as tx:
        return {table: sorted(map(tuple, tx.fetchall(f"SELECT * FROM {table}")), key=repr)
                for projection in system.runner.projections for table in projection.tables}


def event_count(system: System) -> int:
    return system.app.recorder.max_notification_id() or 0
