"""Self-registration: a newcomer with the event's join code registers and is signed in."""

from __future__ import annotations

import asyncio
from uuid import UUID

from litestar import Request, Response, post
from litestar.datastructures import Cookie, State
from litestar.params import JSONBody

from goodwill.application import Outcome
from goodwill.domain.attendee import Consent, Profile
from goodwill.domain.errors import DomainError
from goodwill.http.commands import answer
from goodwill.http.defenses import same_origin
from goodwill.http.identity import session_cookies
from goodwill.http.limits import check_limit, count_attempt
from goodwill.http.schemas.access import Join
from goodwill.http.schemas.common import CommandAnswer


@post("/join", tags=["sign-in"], guards=[same_origin])
async def join(request: Request, state: State, data: JSONBody[Join]) -> Response[CommandAnswer]:
    """One command makes the person, their attendee record, ticket, badge and sign-in link;
    sent again with the same command id, it answers (and signs in) as the first time."""
    profile = Profile(name=data.name, company=data.company, role=data.role, offers=data.offers,
                      needs=data.needs)
    consent = Consent(**{f: getattr(data.consent, f) for f in data.consent.__struct_fields__})
    outcome, cookies = await newcomer(request, state, data.command_id, data.join_code,
                                      data.email, profile, consent)
    return Response(answer(outcome), status_code=201, cookies=cookies)


async def newcomer(request: Request, state: State, command_id: UUID, join_code: str,
                   email: str, profile: Profile, consent: Consent) -> tuple[Outcome, list[Cookie]]:
    """Registers and signs in, for the API and the join page alike. Refusals from one
    address are limited, so neither codes nor emails can be probed."""
    check_limit(request, "join")
    try:
        outcome = await asyncio.to_thread(
            state.system.app.join, command_id, state.signer.join_digest(join_code),
            profile.name, email, profile, consent)
    except DomainError:  # a wrong code, or an email already known: both worth guessing
        count_attempt(request, "join")
        raise
    person, credential = (UUID(str(outcome.result[k])) for k in ("person_id", "credential_id"))
    return outcome, session_cookies(request, state, person, credential)
