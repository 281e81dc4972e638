"""Liveness and readiness, for the process supervisor and the load balancer."""

from __future__ import annotations

import asyncio
import logging

from litestar import Response, get
from litestar.datastructures import State

from goodwill.projections.engine.repair import listed

log = logging.getLogger(__name__)
MAX_LAG = 1000
"""Events a read model may trail the log by and still be worth sending readers to."""
ANSWER_SECONDS = 3.0
"""A store that takes longer is as good as down to a load balancer, which gives up sooner."""


@get("/healthz", tags=["health"])
async def healthz() -> dict[str, str]:
    """The process is alive; says nothing about the store, so a restart cannot help it."""
    return {"status": "alive"}


def store_status(state: State) -> asyncio.Future:
    """At most one check in flight: a probe every second at a store that hangs must not
    take every worker thread, which commands need."""
    pending = getattr(state, "readiness", None)
    if pending is None or pending.done():
        runner = state.system.runner
        pending = state.readiness = asyncio.ensure_future(
            asyncio.to_thread(lambda: (runner.status(), listed(runner))))
    return pending


@get("/readyz", tags=["health"])
async def readyz(state: State) -> Response[dict]:
    """Ready when the store answers within a few seconds, every read model is close behind
    the log, and none has an event it could not apply: that wants an operator (``goodwill
    projections failures``). Errors are not shown here, only where: this answer is public."""
    try:
        statuses, failed = await asyncio.wait_for(asyncio.shield(store_status(state)),
                                                  ANSWER_SECONDS)
    except Exception:  # the store does not answer, or not in time: not ready, whatever why
        log.exception("readiness check could not reach the store")
        return Response({"ready": False, "detail": "The store does not answer."}, status_code=503)
    ready = not failed and all(s.lag <= MAX_LAG for s in statuses)
    projections = [{"name": s.name, "position": s.position, "head": s.head, "lag": s.lag}
                   for s in statuses]
    failures = [{"projection": f.projection, "position": f.position, "topic": f.topic}
                for f in failed]
    return Response({"ready": ready, "projections": projections, "failures": failures},
                    status_code=200 if ready else 503)
