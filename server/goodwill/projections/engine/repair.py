"""What an operator does about an event a read model could not apply: look at it, retry it
once the cause is fixed, or skip it. A rebuild is the other way out: it replays everything,
in order, into fresh tables, and starts a fresh list of failures."""

from __future__ import annotations

from goodwill.database import Tx
from goodwill.projections.engine import failures
from goodwill.projections.engine.applying import apply_with_care
from goodwill.projections.engine.runner import ProjectionRunner


def listed(runner: ProjectionRunner, limit: int = failures.MOST_SHOWN) -> list[failures.Failure]:
    """Events a read model could not apply and nobody has retried or skipped yet."""
    with runner.writer.transaction() as tx:
        return failures.unresolved(tx, limit)


def skip(runner: ProjectionRunner, position: int | None = None) -> list[failures.Failure]:
    """Accept that the read models go without these events (all, or one position's)."""
    with runner.writer.transaction() as tx:
        chosen = chosen_failures(tx, position)
        for failure in chosen:
            failures.resolve(tx, failure, "skipped")
    return chosen


def retry(runner: ProjectionRunner, position: int | None = None) -> list[failures.Failure]:
    """Apply each failed event again, in log order; returns those that fail still, each
    recorded again with its new error."""
    with runner.writer.transaction() as tx:
        chosen = chosen_failures(tx, position)
    return [f for f in chosen if not retried(runner, f)]


def retried(runner: ProjectionRunner, failure: failures.Failure) -> bool:
    projection = next(p for p in runner.projections if p.name == failure.projection)
    with runner.writer.transaction() as tx:
        runner.lock(tx, [projection.name])  # the runner may be applying this read model too
        notification, = runner.app.recorder.select_notifications(start=failure.position,
                                                                  limit=1)
        applied = apply_with_care(runner.app.mapper, notification, [projection], tx)
        if applied:
            failures.resolve(tx, failure, "retried")
    return applied


def chosen_failures(tx: Tx, position: int | None) -> list[failures.Failure]:
    return [f for f in failures.unresolved(tx, failures.ALL) if position in (None, f.position)]
