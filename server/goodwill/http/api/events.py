"""Events: organizers set them up; everyone signed in can see them."""

from __future__ import annotations

import msgspec
from litestar import Controller, get, post
from litestar.params import JSONBody

from goodwill.domain.errors import NotFoundError
from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.events import (AddCheckInList, CreateEvent, Event, EventDetails,
                                          NewStaffMember, StaffMember)
from goodwill.projections import directory


class EventController(Controller):
    path = "/events"
    tags = ["events"]

    @get("/")
    async def list_events(self, reader: Reads, actor: Actor) -> list[Event]:
        """Any signed-in person may browse events; ``actor`` is asked for to require that."""
        return [event_of(row) for row in await directory.conferences(reader)]

    @get("/{conference_id:uuid}")
    async def show(self, conference_id: PathId, reader: Reads, actor: Actor) -> Event:
        row = await directory.conference(reader, conference_id)
        if row is None:
            raise NotFoundError("No such event.")
        return event_of(row)

    @post("/", sync_to_thread=True)
    def create(self, data: JSONBody[CreateEvent], goodwill: App, actor: Actor) -> CommandAnswer:
        """Organizers only (the role is granted to a person, see /people/organizers)."""
        return run(goodwill.create_conference, actor, data)

    @post("/{conference_id:uuid}/details", status_code=200, sync_to_thread=True)
    def change_details(self, conference_id: PathId, data: JSONBody[EventDetails], goodwill: App,
                       actor: Actor) -> CommandAnswer:
        return run(goodwill.change_details, actor, data, conference_id=conference_id)

    @post("/{conference_id:uuid}/check-in-lists", sync_to_thread=True)
    def add_check_in_list(self, conference_id: PathId, data: JSONBody[AddCheckInList],
                          goodwill: App, actor: Actor) -> CommandAnswer:
        return run(goodwill.add_check_in_list, actor, data, conference_id=conference_id)

    @post("/{conference_id:uuid}/staff", sync_to_thread=True)
    def add_staff(self, conference_id: PathId, data: JSONBody[NewStaffMember], goodwill: App,
                  actor: Actor) -> CommandAnswer:
        return run(goodwill.add_staff, actor, data, conference_id=conference_id)

    @post("/{conference_id:uuid}/staff/remove", status_code=200, sync_to_thread=True)
    def remove_staff(self, conference_id: PathId, data: JSONBody[StaffMember], goodwill: App,
                     actor: Actor) -> CommandAnswer:
        return run(goodwill.remove_staff, actor, data, conference_id=conference_id)


def event_of(row: dict) -> Event:
    return msgspec.convert(row, Event, strict=False)
