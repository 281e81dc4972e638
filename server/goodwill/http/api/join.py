"""Self-registration: a newcomer with the event's join code registers and is signed in."""

from __future__ import annotations

from litestar import Request, Response, post
from litestar.datastructures import State
from litestar.params import JSONBody

from goodwill.domain.attendee import Consent, Profile
from goodwill.http.commands import answer
from goodwill.http.core.defenses import same_origin
from goodwill.http.joining import newcomer
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
