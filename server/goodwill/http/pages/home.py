"""The landing page after signing in: for each event I attend, my day there at a glance —
my check-in, whom I met today, what is due (the first few, each to mark kept or release
right here), whom to thank, which requests to connect and introductions wait for my
answer — what I could do next (the first three suggestions), and what I can open there."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from uuid import UUID, uuid4

from litestar import Request, get
from litestar.datastructures import State
from litestar.exceptions import NotAuthorizedException
from litestar.response import Template

from goodwill.http import event_days
from goodwill.http.core.actor import acting_person
from goodwill.http.pages.forms.common import page
from goodwill.http.pages.suggestions_page import suggested
from goodwill.http.core.markers import Reads
from goodwill.projections import connection_requests, directory, followups, glance

NAMES_SHOWN = 3


@get("/")
async def home(request: Request, state: State, reader: Reads) -> Template:
    try:
        person = await acting_person(request, state)
    except NotAuthorizedException:  # a newcomer: a welcome, not an error
        return Template("account/welcome.html", context={"email": bool(state.settings.smtp_url)})
    now = datetime.now(timezone.utc)
    events = [{**e, "today": await at_a_glance(reader, person, e, now) if e["attending"]
               else None} for e in await directory.events_of(reader, person)]
    return page(request, "attendee/home.html", {
        "person": person, "name": await directory.name_of(reader, person), "events": events,
        "organizer": await directory.is_organizer(reader, person),
        "suggestions": (await suggested(reader, person, NAMES_SHOWN))[0]})


async def at_a_glance(reader: Reads, person: UUID, event: dict[str, Any],
                      now: datetime) -> dict[str, Any]:
    """My day at one event, on the event's clock: "today" is its date, not the server's."""
    conference_id, zone = UUID(event["conference_id"]), event["timezone"]
    day = event_days.today_in(zone, now)
    met = await glance.met_between(reader, person, conference_id,
                                   *event_days.day_span(zone, day))
    lists = await followups.follow_ups(reader, person, day, conference_id)
    due = (lists["overdue_promises"] + lists["due_promises"])[:NAMES_SHOWN]
    names = await directory.names(reader, {p["other_id"] for p in due})
    return {"day": day, "met": met[:NAMES_SHOWN], "met_count": len(met),
            "promises": [{**p, "name": names.get(p["other_id"], "Someone"),
                          "command_id": uuid4()} for p in due],
            "check_ins": [{**row, "at": event_days.local(row["checked_in_at"], zone)}
                          for row in await glance.check_ins(reader, conference_id, person)],
            "requests_to_answer": len(await connection_requests.waiting_for(
                reader, person, conference_id)),
            **{name: len(lists[name]) for name in ("overdue_promises", "due_promises",
                                                   "thanks_to_send", "introductions_to_answer")}}
