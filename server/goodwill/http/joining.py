"""Joining an event with its code: registered and signed in, for the API and the join page
alike."""

from __future__ import annotations

import asyncio
from uuid import UUID

from litestar import Request
from litestar.datastructures import Cookie, State

from goodwill.application import Outcome
from goodwill.domain.attendee import Consent, Profile
from goodwill.domain.errors import DomainError
from goodwill.http.core.identity import session_cookies
from goodwill.http.core.limits import check_limit, client_of, count_attempt


async def newcomer(request: Request, state: State, command_id: UUID, join_code: str,
                   email: str, profile: Profile, consent: Consent) -> tuple[Outcome, list[Cookie]]:
    """Registers and signs in, for the API and the join page alike. Refusals from one
    address are limited, so neither codes nor emails can be probed."""
    await check_limit(request, "join", client_of(request))
    try:
        outcome = await asyncio.to_thread(
            state.system.app.join, command_id, state.signer.join_digest(join_code),
            profile.name, email, profile, consent)
    except DomainError:  # a wrong code, or an email already known: both worth guessing
        await count_attempt(request, "join", client_of(request))
        raise
    person, credential = (UUID(str(outcome.result[k])) for k in ("person_id", "credential_id"))
    return outcome, session_cookies(request, state, person, credential)
