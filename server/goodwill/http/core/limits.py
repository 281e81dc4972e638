"""Rate limits: a sliding window per client address, in this process's memory.

Each worker process keeps its own windows, so with N workers a client may make up to N
times the limit; that still turns guessing into a crawl, and needs no shared store. The
address is the connection's: behind a proxy, name it in ``GOODWILL_TRUSTED_PROXIES`` so
``goodwill serve`` believes its ``X-Forwarded-For`` and the address is the client's, not the
proxy's; nobody else's is believed.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass

from litestar.connection import ASGIConnection
from litestar.exceptions import TooManyRequestsException
from litestar.handlers import BaseRouteHandler


@dataclass(frozen=True)
class Limit:
    attempts: int
    seconds: float


LIMITS = {
    "sign-in": Limit(10, 300),  # failed sign-ins: links, passwords
    "join": Limit(10, 300),  # wrong join codes
    "resend": Limit(5, 900),  # lost-link emails asked for
    "scan": Limit(600, 60),  # check-ins and check-outs: a busy door, not a guessing machine
}


class SlidingWindows:
    """Remembers when each client was counted, per kind of attempt, over the last window."""

    def __init__(self, limits: dict[str, Limit] = LIMITS) -> None:
        self.limits = limits
        self.counted: dict[tuple[str, str], deque[float]] = {}
        self.lock = threading.Lock()  # sync handlers count from worker threads

    def check(self, kind: str, client: str) -> None:
        """Refuses with 429 and Retry-After while ``client`` has used up its ``kind``."""
        limit, now = self.limits[kind], time.monotonic()
        with self.lock:
            times = self._recent(kind, client, now)
            if not times:  # forget quiet clients, so the table stays as small as the traffic
                del self.counted[(kind, client)]
            elif len(times) >= limit.attempts:
                wait = math.ceil(times[0] + limit.seconds - now)
                raise TooManyRequestsException(
                    detail=f"Too many attempts. Try again in {wait} seconds.",
                    headers={"Retry-After": str(wait)})

    def count(self, kind: str, client: str) -> None:
        with self.lock:
            self._recent(kind, client, time.monotonic()).append(time.monotonic())

    def _recent(self, kind: str, client: str, now: float) -> deque[float]:
        times = self.counted.setdefault((kind, client), deque())
        while times and times[0] <= now - self.limits[kind].seconds:
            times.popleft()
        return times


def client_of(connection: ASGIConnection) -> str:
    return connection.client.host if connection.client else "unknown"


def limited(kind: str):
    """A guard that counts every request to its route, e.g. each scan at the door."""
    def guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
        check_limit(connection, kind)
        count_attempt(connection, kind)
    return guard


def check_limit(connection: ASGIConnection, kind: str) -> None:
    connection.app.state.limits.check(kind, client_of(connection))


def count_attempt(connection: ASGIConnection, kind: str) -> None:
    """Sign-in and join count only failures (a wrong link, password or join code)."""
    connection.app.state.limits.count(kind, client_of(connection))
