"""Forget me: an attendee asks for themself; an organizer asks on an attendee's request."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import answer
from goodwill.http.core.markers import Actor, App, PathId
from goodwill.http.schemas.common import Command, CommandAnswer


class ErasureController(Controller):
    tags = ["privacy"]

    @post("/me/forget", status_code=200, sync_to_thread=True)
    def forget_me(self, data: JSONBody[Command], goodwill: App, actor: Actor) -> CommandAnswer:
        """Irreversible: names, email, profile and every text written are made unreadable."""
        return answer(goodwill.forget_person(actor, data.command_id, actor))

    @post("/events/{conference_id:uuid}/attendees/{person_id:uuid}/forget", status_code=200,
          sync_to_thread=True)
    def forget_attendee(self, conference_id: PathId, person_id: PathId, data: JSONBody[Command],
                        goodwill: App, actor: Actor) -> CommandAnswer:
        return answer(goodwill.forget_person(actor, data.command_id, person_id, conference_id))
