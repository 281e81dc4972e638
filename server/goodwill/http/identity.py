"""Sessions in cookies, checked against the credentials read model, and the CSRF token that
goes with them.

The session cookie is HttpOnly and signed (see :mod:`goodwill.tokens`); it names the person
and the credential it was opened with, so revoking a link ends its sessions. Its CSRF
token is a MAC of the cookie, sent to pages in a readable cookie and expected back in the
``X-CSRF-Token`` header (HTMX, fetch) or a ``csrf_token`` form field.
"""

from __future__ import annotations

import asyncio
import hmac
import time
from typing import Any
from uuid import UUID

from litestar import Request
from litestar.datastructures import Cookie, State
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException

from goodwill.database import Reader
from goodwill.http.freshness import caught_up
from goodwill.projections import credentials
from goodwill.tokens import SESSION_SECONDS, Keys

SESSION_COOKIE, CSRF_COOKIE = "goodwill_session", "goodwill_csrf"
CSRF_HEADER, CSRF_FIELD = "X-CSRF-Token", "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
CATCH_UP_SECONDS = 2.0
SESSION_PURPOSES = (credentials.LINK, credentials.ACCOUNT, credentials.DEVICE)
"""What a session may be opened with: a device's link opens one as that device."""


def unauthorized(detail: str) -> NotAuthorizedException:
    return NotAuthorizedException(detail=detail, headers={"WWW-Authenticate": "Bearer"})


async def live_credential(state: State, credential_id: UUID, purposes: tuple[str, ...],
                          reader: Reader | None = None) -> dict[str, Any] | None:
    """The credential's row if it exists for one of ``purposes`` and is not revoked. Only a
    token we signed gets here, so a missing row means one issued a moment ago: the read
    model gets a short while to catch up before the answer is no. A request's ``after``
    (through ``reader``) makes a revocation it has seen count at once."""
    reader = reader or state.system.reader
    row = await credentials.credential(reader, credential_id)
    if row is None:
        head = await asyncio.to_thread(state.system.runner.head)
        if await caught_up(reader, head, CATCH_UP_SECONDS):
            row = await credentials.credential(reader, credential_id)
    if row is None or row["revoked"] or row["purpose"] not in purposes:
        return None
    return row


async def session_person(request: Request, state: State, cookie: str,
                         reader: Reader | None = None) -> UUID:
    """The signed-in person (or door device), provided their session and its credential are
    still good and, for an unsafe method, the request carries the session's CSRF token."""
    keys: Keys = state.signer
    session = keys.session_of(cookie, int(time.time()))
    row = session and await live_credential(state, session.credential_id, SESSION_PURPOSES,
                                            reader)
    if not session or not row or credentials.holder(row) != str(session.person_id):
        raise unauthorized("Your session has ended. Open your personal sign-in link again.")
    await check_csrf(request, keys, cookie)
    return session.person_id


async def check_csrf(request: Request, keys: Keys, cookie: str) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.content_type[0] in FORMS:
        sent = (await request.form()).get(CSRF_FIELD)
    expected = keys.csrf(cookie).encode()
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), expected):
        raise PermissionDeniedException(
            detail=f"This request needs the {CSRF_HEADER} header (or a {CSRF_FIELD} field)"
                   f" with the value of the {CSRF_COOKIE} cookie.")


def form_token(request: Request, keys: Keys) -> str:
    """The token a page's forms post back, derived from the session itself so a page never
    depends on the readable cookie having arrived."""
    cookie = request.cookies.get(SESSION_COOKIE)
    return keys.csrf(cookie) if cookie else ""


def secure(request: Request, state: State) -> bool:
    return request.url.scheme == "https" or state.settings.secure_cookies


def session_cookies(request: Request, state: State, person_id: UUID,
                    credential_id: UUID) -> list[Cookie]:
    """The HttpOnly session and the readable CSRF token that pages echo back."""
    keys: Keys = state.signer
    session = keys.session(person_id, credential_id, int(time.time()))
    return cookies(request, state, session, keys.csrf(session), SESSION_SECONDS)


def cleared_cookies(request: Request, state: State) -> list[Cookie]:
    return cookies(request, state, "", "", 0)


def cookies(request: Request, state: State, session: str, csrf: str,
            max_age: int) -> list[Cookie]:
    flags = {"path": "/", "samesite": "lax", "secure": secure(request, state), "max_age": max_age}
    return [Cookie(key=SESSION_COOKIE, value=session, httponly=True, **flags),
            Cookie(key=CSRF_COOKIE, value=csrf, httponly=False, **flags)]

