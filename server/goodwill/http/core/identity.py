"""Sessions in cookies, checked against the event store on every request, and the CSRF
token that goes with them.

The session cookie is HttpOnly and signed (see :mod:`goodwill.tokens`); it names the person
and the credential it was opened with, so revoking a link ends its sessions at once. Its CSRF
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

from goodwill.http.core.freshness import caught_up
from goodwill.projections import credentials
from goodwill.tokens import SESSION_SECONDS, Keys

SESSION_COOKIE, CSRF_COOKIE = "goodwill_session", "goodwill_csrf"
CSRF_HEADER, CSRF_FIELD = "X-CSRF-Token", "csrf_token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
CATCH_UP_SECONDS = 2.0
CSRF_REFUSED = (f"This request needs the {CSRF_HEADER} header (or a {CSRF_FIELD} field) with"
                f" the value of the {CSRF_COOKIE} cookie.")


def unauthorized(detail: str) -> NotAuthorizedException:
    return NotAuthorizedException(detail=detail, headers={"WWW-Authenticate": "Bearer"})


async def live_credential(state: State, credential_id: UUID,
                          purposes: tuple[str, ...]) -> dict[str, Any] | None:
    """The credential's row if it exists for one of ``purposes`` and is not revoked: whom a
    token names, when it is used to sign in. Only a token we signed gets here, so a missing
    row means one issued a moment ago: the read model gets a short while to catch up before
    the answer is no. Whether it still stands is then asked of the store."""
    reader = state.system.reader
    row = await credentials.credential(reader, credential_id)
    if row is None:
        head = await asyncio.to_thread(state.system.runner.head)
        if await caught_up(reader, head, CATCH_UP_SECONDS):
            row = await credentials.credential(reader, credential_id)
    if row is None or row["revoked"] or row["purpose"] not in purposes:
        return None
    return row


async def session_person(request: Request, state: State, cookie: str) -> UUID:
    """The signed-in person (or door device), provided their session and its credential
    still stand and, for an unsafe method, the request carries the session's CSRF token."""
    person_id = await session_holder(state, cookie)
    await check_csrf(request, state.signer, cookie)
    return person_id


async def session_holder(state: State, cookie: str) -> UUID:
    """Whose session this is, while it and its credential stand (asked of the store: see
    ``standing``). Reads no body, unlike the CSRF check of a form."""
    session = state.signer.session_of(cookie, int(time.time()))
    if not session or not await asyncio.to_thread(state.system.app.standing,
                                                  session.person_id, session.credential_id):
        raise unauthorized("Your session has ended. Open your personal sign-in link again.")
    return session.person_id


async def check_csrf(request: Request, keys: Keys, cookie: str) -> None:
    if request.method in SAFE_METHODS:
        return
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.content_type[0] in FORMS:
        sent = (await request.form()).get(CSRF_FIELD)
    expected = keys.csrf(cookie).encode()
    if not isinstance(sent, str) or not hmac.compare_digest(sent.encode(), expected):
        raise PermissionDeniedException(detail=CSRF_REFUSED)


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

