"""Rate limits on the web: what each kind of attempt counts against, and the 429 answer.

A limit counts what is being guessed or spent, never a whole address where it can help it:
a venue's hundreds of phones share one address behind its NAT. So wrong sign-in links count
against the token's prefix (the credential they claim), wrong passwords against the account,
lost-link emails against the email asked for, and scans against the door device scanning,
once it is known to be one. Only join codes, which name nothing else, count against the
client's address: behind a proxy, name it in ``GOODWILL_TRUSTED_PROXIES`` so ``goodwill
serve`` believes its ``X-Forwarded-For``; nobody else's is believed.

The counts are kept in the database (:mod:`goodwill.rate_limits`), so every worker shares them.
"""

from __future__ import annotations

import asyncio

from litestar.connection import ASGIConnection
from litestar.exceptions import TooManyRequestsException

from goodwill.rate_limits import RateLimits

TOKEN_PREFIX = 24
"""A token's kind and the first 15 bytes of the credential id it names: what one guesser
keeps while trying MACs, and what a stranger's different link never shares."""


def client_of(connection: ASGIConnection) -> str:
    return connection.client.host if connection.client else "unknown"


def token_prefix(token: str) -> str:
    return token[:TOKEN_PREFIX]


def email_subject(connection: ASGIConnection, email: str) -> str:
    """An email as the limits count it: a keyed digest, so their table holds no address,
    nor one of someone forgotten since."""
    keys = connection.app.state.signer
    return keys.mac("rate-limit", email.strip().lower().encode()).hex()[:32]


def limits_of(connection: ASGIConnection) -> RateLimits:
    return connection.app.state.system.limits


async def check_limit(connection: ASGIConnection, kind: str, subject: str) -> None:
    """Refuses with 429 and Retry-After while ``subject`` has used up its ``kind``."""
    refuse_after(await asyncio.to_thread(limits_of(connection).wait, kind, subject))


def refuse_after(wait: int | None) -> None:
    if wait is not None:
        raise TooManyRequestsException(detail=f"Too many attempts. Try again in {wait} seconds.",
                                       headers={"Retry-After": str(wait)})


async def count_attempt(connection: ASGIConnection, kind: str, subject: str) -> None:
    await asyncio.to_thread(limits_of(connection).count, kind, subject)


async def spend(connection: ASGIConnection, kind: str, subject: str) -> None:
    """One attempt, refused once ``subject`` has used them up: each scan, each email."""
    refuse_after(await asyncio.to_thread(limits_of(connection).spend, kind, subject))
