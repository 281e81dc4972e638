"""Given events / when command / then events, for aggregates in memory."""

from __future__ import annotations

from typing import Any


def given(aggregate: Any) -> Any:
    """Treat what happened so far as recorded history."""
    aggregate.collect_events()
    return aggregate


def then(aggregate: Any) -> list[str]:
    """The names of the events the last command produced."""
    return [type(e).__name__ for e in aggregate.collect_events()]
