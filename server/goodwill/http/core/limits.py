"""Rate limits: a sliding window per subject, in this process's memory.

A limit counts what is being guessed or spent, never a whole address where it can help it:
a venue's hundreds of phones share one address behind its NAT. So wrong sign-in links count
against the token's prefix (the credential they claim), wrong passwords against the account,
lost-link emails against the email asked for, and scans against the door device scanning,
once it is known to be one. Only join codes, which name nothing else, count against the
client's address: behind a proxy, name it in ``GOODWILL_TRUSTED_PROXIES`` so ``goodwill
serve`` believes its ``X-Forwarded-For``; nobody else's is believed.

Each worker process keeps its own windows, so with N workers a subject may make up to N
times the limit.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass

from litestar.connection import ASGIConnection
from litestar.exceptions import TooManyRequestsException


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


TOKEN_PREFIX = 24
"""A token's kind and the first 15 bytes of the credential id it names: what one guesser
keeps while trying MACs, and what a stranger's different link never shares."""


def client_of(connection: ASGIConnection) -> str:
    return connection.client.host if connection.client else "unknown"


def token_prefix(token: str) -> str:
    return token[:TOKEN_PREFIX]


def check_limit(connection: ASGIConnection, kind: str, subject: str) -> None:
    """Refuses with 429 while ``subject`` has used up its ``kind`` of attempts."""
    connection.app.state.limits.check(kind, subject)


def count_attempt(connection: ASGIConnection, kind: str, subject: str) -> None:
    connection.app.state.limits.count(kind, subject)


def spend(connection: ASGIConnection, kind: str, subject: str) -> None:
    """One attempt, refused once ``subject`` has used them up: each scan, each email."""
    check_limit(connection, kind, subject)
    count_attempt(connection, kind, subject)


def refuse_failure(connection: ASGIConnection, kind: str, subject: str) -> None:
    """Counts a failure, refused with 429 instead once ``subject`` has failed too often. A
    success is never refused, so only guessers are slowed: for tokens, which cannot be
    guessed right, not for passwords, whose account is checked before the guess."""
    spend(connection, kind, subject)
