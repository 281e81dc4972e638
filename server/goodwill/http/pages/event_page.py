"""An event as the people at it see it: when and where, on whose clock, its entrances, how
many are in its directory, and what I can open there — the page home's "The event" opens,
in place of the API's JSON."""

from __future__ import annotations

from datetime import date

from litestar import Request, get
from litestar.response import Template

from goodwill.http.core.access import require_present
from goodwill.http.pages.forms.common import page
from goodwill.http.core.markers import Actor, PathId, Reads
from goodwill.projections import directory


@get("/events/{conference_id:uuid}")
async def event_page(request: Request, conference_id: PathId, reader: Reads,
                     actor: Actor) -> Template:
    """For its attendees, staff and organizers; anyone else is refused as by its directory."""
    await require_present(reader, conference_id, actor)
    event = await directory.part_in(reader, await directory.conference(reader, conference_id),
                                    actor)
    return page(request, "attendee/event.html", {
        "event": event, "person": actor, "starts": date.fromisoformat(event["starts_on"]),
        "ends": date.fromisoformat(event["ends_on"]),
        "listed": await directory.count_listed(reader, conference_id)})


HANDLERS = [event_page]
