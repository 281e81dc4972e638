"""Who is acting. Every handler learns it only from :func:`acting_person`, so how people
prove who they are can change without touching a handler."""

from __future__ import annotations

import asyncio
from uuid import UUID

from litestar import Request
from litestar.connection import ASGIConnection
from litestar.handlers import BaseRouteHandler
from litestar.datastructures import State
from litestar.openapi.spec import SecurityScheme

from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.core.identity import (SESSION_COOKIE, live_credential, session_holder,
                                         session_person, unauthorized)
from goodwill.http.core.limits import spend
from goodwill.http.core.markers import Actor
from goodwill.projections import credentials
from goodwill.tokens import API_TOKEN, DEVICE, PREFIXES, Keys

SCHEMES = {
    "session": SecurityScheme(type="apiKey", name=SESSION_COOKIE, security_scheme_in="cookie",
                              description="Set by opening your personal sign-in link; unsafe"
                                          " requests also send X-CSRF-Token."),
    "device": SecurityScheme(type="http", scheme="bearer",
                             description="A door device's token: staff of one event."),
    "personal": SecurityScheme(type="http", scheme="bearer",
                               description="Your personal API token (gwp_…), made on your My"
                                           " data page and shown to you once."),
}
"""How the OpenAPI document tells clients to say who they are."""


async def acting_person(request: Request, state: State) -> UUID:
    """A bearer token (a person's own API token, or a door device's), or the signed session
    cookie; else 401. Either way the credential's revocation is checked on every request,
    with one read of its short stream. Bearer requests need no CSRF token: a browser never
    adds that header by itself."""
    if request.headers.get("Authorization") is None and request.cookies.get(SESSION_COOKIE):
        return await session_person(request, state, request.cookies[SESSION_COOKIE])
    return await identified(request, state)


async def scanner(request: Request, actor: Actor) -> UUID:
    """Whoever scans at a door, counted against their own limit: a device's scans are its
    own, never its address's, and a request that names nobody was refused before it could
    count towards anyone's."""
    await spend(request, "scan", str(actor))
    return actor


async def identified(request: Request, state: State) -> UUID:
    """Who is asking, from the headers alone: for a session, before its CSRF token is
    read from a form's body, so a body is read only for someone who may send it."""
    authorization = request.headers.get("Authorization")
    if authorization is not None:
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() == "bearer" and token.strip().startswith(PREFIXES[API_TOKEN]):
            return await token_holder(state, token.strip())
        return await device(state, authorization)
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return await session_holder(state, cookie)
    raise unauthorized("Sign in first: open your personal sign-in link, or send a device's"
                       " token as Authorization: Bearer.")


async def organizers_before_the_body(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    """Guards an upload: only the event's organizers may send one as large as an import,
    and that is known before its bytes are read (a guard runs before the body is)."""
    state = connection.app.state
    actor = await identified(connection, state)
    await require_role(state.system.reader, connection.path_params["conference_id"], actor,
                       ORGANIZERS)


async def token_holder(state: State, token: str) -> UUID:
    """The person whose API token this is, while it is the one they hold."""
    ids = state.signer.ids_of(API_TOKEN, token, count=2)
    if ids is None or not await asyncio.to_thread(state.system.app.standing, *ids):
        raise unauthorized("That API token is not valid, or was replaced or revoked.")
    return ids[0]


async def device(state: State, authorization: str) -> UUID:
    """A device acts as itself (its id), which the event's check-in rules know as staff.
    Whether it is revoked, or its token was opened as a link by a browser (see
    :class:`~goodwill.domain.credential.Device`), is asked of the store; the read models are
    given a moment to know a device issued just now, since they say which event's staff
    it is."""
    scheme, _, token = authorization.partition(" ")
    keys: Keys = state.signer
    device_id = keys.credential_of(DEVICE, token.strip()) if scheme.lower() == "bearer" else None
    if (device_id is None
            or not await asyncio.to_thread(state.system.app.take_up_device, device_id)
            or not await live_credential(state, device_id, (credentials.DEVICE,))):
        raise unauthorized("That device token is not valid: it was revoked, or a browser"
                           " opened it as a link and it is that browser's now.")
    return device_id
