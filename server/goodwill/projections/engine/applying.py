"""Handing one logged event to the read models that are due it, fast or with care.

Fast: every read model in the batch's transaction, as the runner does when all is well.
With care, after a batch failed: each read model in a savepoint of its own, so an event one
of them cannot apply is recorded as a failure and passed by while the others take it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from eventsourcing.persistence import Mapper, Notification

from goodwill.database import Tx
from goodwill.projections.engine import failures
from goodwill.projections.engine.base import Projection

log = logging.getLogger(__name__)


def apply_fast(mapper: Mapper, notification: Notification, due: Sequence[Projection],
               tx: Tx) -> None:
    event = mapper.to_domain_event(notification)
    for projection in due:
        projection.apply(event, tx)


def apply_with_care(mapper: Mapper, notification: Notification, due: Sequence[Projection],
                    tx: Tx) -> bool:
    """True when every read model in ``due`` took the event; a database fault is raised,
    never recorded, so the batch is tried again whole."""
    try:
        event = mapper.to_domain_event(notification)
    except Exception as error:  # no read model can have it
        failed(tx, due, notification, error)
        return False
    applied = True
    for projection in due:
        try:
            with tx.savepoint():
                projection.apply(event, tx)
        except Exception as error:
            failed(tx, [projection], notification, error)
            applied = False
    return applied


def failed(tx: Tx, projections: Sequence[Projection], notification: Notification,
           error: Exception) -> None:
    if failures.transient(error):
        raise error
    for projection in projections:
        log.error("read model %s cannot apply event %d (%s): %s", projection.name,
                  notification.id, notification.topic, error)
        failures.record(tx, projection.name, notification.id, notification.topic, error)
