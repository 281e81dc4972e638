"""Who is acting. Every handler learns it only from :func:`acting_person`, so signing in
with a personal link can replace the header without touching a handler."""

from __future__ import annotations

from uuid import UUID

from litestar import Request
from litestar.exceptions import NotAuthorizedException
from litestar.openapi.spec import SecurityScheme

from goodwill.application.core import SYSTEM_ACTOR

HEADER = "X-Goodwill-Person"
SCHEMES = {"person": SecurityScheme(type="apiKey", name=HEADER, security_scheme_in="header",
                                    description="Your person id, until sign-in arrives.")}
"""How the OpenAPI document tells clients to say who they are."""


async def acting_person(request: Request) -> UUID:
    """For now the caller names themselves in a header; a missing or malformed one is 401,
    and so is the system actor's id, which only the command line may act as."""
    try:
        person = UUID(request.headers.get(HEADER) or "")
    except ValueError:
        person = SYSTEM_ACTOR
    if person == SYSTEM_ACTOR:
        raise NotAuthorizedException(
            detail=f"Say who you are: send the {HEADER} header with your person id.",
            headers={"WWW-Authenticate": "Goodwill"})
    return person
