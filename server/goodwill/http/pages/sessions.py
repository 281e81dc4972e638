"""Signing in and out: by personal link (attendees), by a door device's link (a browser at the
door), by password (organizers), and asking for a lost link by email.

A link reads ``/s#<token>``: the token is in the fragment, which no browser sends, so no
access log, proxy or Referer ever sees it. ``GET /s`` is a page whose button posts the
token; opening a link spends nothing, so link-preview bots are harmless.
"""

from __future__ import annotations

import asyncio
from typing import Annotated
from uuid import UUID

from litestar import Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.datastructures import State
from litestar.enums import RequestEncodingType
from litestar.params import Body, JSONBody
from litestar.response import Redirect, Template

from goodwill.domain.credential import account_id
from goodwill.http.core.defenses import NO_STORE, same_origin
from goodwill.http.core.identity import (SESSION_COOKIE, check_csrf, cleared_cookies,
                                         live_credential, session_cookies, session_person,
                                         unauthorized)
from goodwill.http.core.limits import (check_limit, count_attempt, email_subject, spend,
                                       token_prefix)
from goodwill.http.mail import send_lost_link, send_new_link
from goodwill.http.schemas.access import LostLink, OrganizerSignIn, Resend, SignedIn, SignIn
from goodwill.projections import credentials, directory
from goodwill.tokens import DEVICE, PREFIXES, SIGN_IN_LINK

RESENT = "If that email is registered for this event, a sign-in link is on its way."
SPENT = ("This sign-in link was already used: a link works once. Get a new one by email, sent"
         " to the address you registered with.")
DEVICE_SPENT = ("This device link was already used: it works once, on the first browser or"
                " scanner that opens it. Ask an organizer to invite this device again.")
Form = Annotated[SignIn, Body(media_type=RequestEncodingType.URL_ENCODED)]
LostForm = Annotated[LostLink, Body(media_type=RequestEncodingType.URL_ENCODED)]
Opened = tuple[UUID, UUID, str] | None
"""Who signs in, with which credential, and where they land; None for a link that is not
(or no longer) good."""


@get("/s", tags=["sign-in"], include_in_schema=False)
async def sign_in_page() -> Template:
    return Template("account/sign_in.html", headers=NO_STORE)


@post("/s", tags=["sign-in"], status_code=303, guards=[same_origin], include_in_schema=False)
async def sign_in(request: Request, state: State, data: Form) -> Response:
    """Sets the session cookies and goes home, or for a door device's link to its event's
    check-in desk. A link that is not ours, revoked, replaced or used already is refused
    (a person's link works once). Failures are limited per token prefix, the credential a
    guesser keeps while trying MACs: past the limit it is refused unread, while a good link,
    whose prefix is its own, is never refused for others' mistakes from the same address.
    A browser told its link was used gets a page that offers a new one by email."""
    token = data.token.strip()
    await check_limit(request, "sign-in", token_prefix(token))
    opened = await (device_session(state, token) if token.startswith(PREFIXES[DEVICE])
                    else person_session(state, token))
    if opened is None:
        await count_attempt(request, "sign-in", token_prefix(token))
    if isinstance(opened, str) or opened is None:
        if opened in (SPENT, DEVICE_SPENT) and "text/html" in request.headers.get("Accept", ""):
            return Template("account/link_used.html", status_code=401, headers=NO_STORE, context={
                "token": token, "email": bool(state.settings.smtp_url),
                "device": opened == DEVICE_SPENT})
        raise unauthorized(opened or "This sign-in link is not valid any more."
                                     " Ask for a new one.")
    actor, credential_id, landing = opened
    cookies = session_cookies(request, state, actor, credential_id)
    return Redirect(landing, status_code=303, cookies=cookies, headers=NO_STORE)


async def person_session(state: State, token: str) -> Opened | str:
    """The link opens a session of the browser's own, which its cookie names; a link used
    once already is told apart (``SPENT``), so its holder learns to ask for a new one."""
    link_id = state.signer.credential_of(SIGN_IN_LINK, token)
    row = link_id and await live_credential(state, link_id, (credentials.LINK,))
    if not row:
        return None
    person_id, app = UUID(row["person_id"]), state.system.app
    session_id = await asyncio.to_thread(app.open_session, person_id, link_id)
    if session_id:
        return person_id, session_id, "/"
    return SPENT if await asyncio.to_thread(app.link_spent, person_id, link_id) else None


@post("/s/renew", tags=["sign-in"], status_code=200, guards=[same_origin],
      include_in_schema=False)
async def renew(request: Request, state: State, data: Form) -> Response:
    """A new link for the holder of a used one, emailed to the address they registered
    with, never shown: whoever else saw the used link learns nothing new."""
    await spend(request, "resend", token_prefix(data.token.strip()))
    link_id = state.signer.credential_of(SIGN_IN_LINK, data.token.strip())
    reader = state.system.reader
    row = link_id and await credentials.credential(reader, link_id)
    email = row and row["purpose"] == credentials.LINK and await directory.email_of(
        reader, row["person_id"])
    task = None
    if email and state.settings.smtp_url:  # none for someone without an email of their own
        task = BackgroundTask(send_new_link, state, UUID(row["person_id"]), email)
    return Template("account/link_renewed.html", headers=NO_STORE, background=task,
                    context={"email": bool(state.settings.smtp_url)})


async def device_session(state: State, token: str) -> Opened | str:
    """A browser signed in as a door device is that device: staff of its one event, sent
    straight to the desk where it scans. The link works once, as a person's does."""
    device_id = state.signer.credential_of(DEVICE, token)
    row = device_id and await live_credential(state, device_id, (credentials.DEVICE,))
    if not row:
        return None
    app = state.system.app
    opened = await asyncio.to_thread(app.open_device_session, device_id)
    if opened:
        event, session_id = opened
        return device_id, session_id, f"/events/{event}/desk"
    return DEVICE_SPENT if await asyncio.to_thread(app.device_used, device_id) else None


@post("/auth/organizer", tags=["sign-in"], status_code=200, guards=[same_origin])
async def organizer_sign_in(request: Request, state: State,
                            data: JSONBody[OrganizerSignIn]) -> Response[SignedIn]:
    """Wrong passwords are limited per account, checked before the password is."""
    account = email_subject(request, data.email)
    await check_limit(request, "sign-in", account)
    app = state.system.app
    person = await asyncio.to_thread(app.check_password, data.email, data.password)
    if person is None:
        await count_attempt(request, "sign-in", account)
        raise unauthorized("Wrong email or password.")
    session, csrf = session_cookies(request, state, person, account_id(person))
    return Response(SignedIn(person, csrf.value or ""), cookies=[session, csrf],
                    headers=NO_STORE)


@get("/auth/session", tags=["sign-in"])
async def current_session(request: Request, state: State) -> SignedIn:
    """Who is signed in, and the CSRF token for pages that cannot read cookies."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie:
        raise unauthorized("Nobody is signed in here.")
    return SignedIn(await session_person(request, state, cookie), state.signer.csrf(cookie))


@post("/auth/sign-out", tags=["sign-in"], status_code=303, include_in_schema=False)
async def sign_out(request: Request, state: State) -> Redirect:
    """Forgets the session in this browser. Revoking the link ends it everywhere."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        await check_csrf(request, state.signer, cookie)
    return Redirect("/s", status_code=303, cookies=cleared_cookies(request, state))


@get("/s/lost", tags=["sign-in"], include_in_schema=False)
async def lost_link_page(state: State) -> Template:
    return Template("account/lost_link.html", headers=NO_STORE,
                    context={"email": bool(state.settings.smtp_url), "sent": False})


@post("/s/lost", tags=["sign-in"], status_code=200, guards=[same_origin],
      include_in_schema=False)
async def lost_link(request: Request, state: State, data: LostForm) -> Template:
    """The same page whether or not the email is known; the link, if any, is emailed after
    the answer, at most a few times an hour to one address."""
    await spend(request, "resend", email_subject(request, data.email))
    email = state.settings.smtp_url and data.email
    task = email and BackgroundTask(send_lost_link, state, email)
    return Template("account/lost_link.html", headers=NO_STORE, background=task or None,
                    context={"email": bool(state.settings.smtp_url), "sent": True})


@post("/auth/resend", tags=["sign-in"], status_code=202, guards=[same_origin])
async def resend(request: Request, state: State,
                 data: JSONBody[Resend]) -> Response[dict[str, str]]:
    """The same answer whether or not the email is known, so nobody can learn who attends;
    the email, if any, is sent after the answer, a few times an hour at most to one address.
    Without SMTP, organizers show links."""
    await spend(request, "resend", email_subject(request, data.email))
    task = (BackgroundTask(send_lost_link, state, data.email, data.conference_id)
            if state.settings.smtp_url else None)
    return Response({"detail": RESENT}, status_code=202, background=task)


HANDLERS = [sign_in_page, sign_in, renew, organizer_sign_in, current_session, sign_out, resend,
            lost_link_page, lost_link]
