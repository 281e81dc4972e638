"""The landing page after signing in: what the signed-in person can open, until the
attendee app's own pages arrive."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, get
from litestar.datastructures import State
from litestar.exceptions import NotAuthorizedException
from litestar.response import Template

from goodwill.database import Reader
from goodwill.http.actor import acting_person
from goodwill.http.identity import CSRF_COOKIE
from goodwill.projections import directory


@get("/", include_in_schema=False)
async def home(request: Request, state: State) -> Template:
    reader: Reader = state.system.reader
    try:
        person = await acting_person(request, state, reader)
    except NotAuthorizedException:
        return Template("home.html", context={"person": None}, status_code=401)
    return Template("home.html", context={
        "person": person, "name": await name_of(reader, person),
        "events": await events_of(reader, person),
        "csrf_token": request.cookies.get(CSRF_COOKIE, "")})


async def name_of(reader: Reader, person: UUID) -> str | None:
    return await reader.fetchval("SELECT name FROM people WHERE person_id = ?", str(person))


async def events_of(reader: Reader, person: UUID) -> list[dict[str, Any]]:
    """The events this person attends, staffs or organizes."""
    mine = []
    for event in await directory.conferences(reader):
        organizing = str(person) in event["organizers"]
        attending = await directory.attendee(reader, UUID(event["conference_id"]), person)
        if organizing or attending or str(person) in event["staff"]:
            mine.append({**event, "organizing": organizing, "attending": bool(attending)})
    return mine
