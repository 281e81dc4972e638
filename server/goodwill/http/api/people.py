"""People: registered once, whatever events they attend. Organizers register them at an event
(as attendees or staff, by email); here they make another organizer."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.people import GrantOrganizer


class PersonController(Controller):
    """Managing people is for organizers; the application checks the role."""

    path = "/people"
    tags = ["people"]

    @post("/organizers", status_code=200, sync_to_thread=True)
    def grant_organizer(self, data: JSONBody[GrantOrganizer], goodwill: App,
                        actor: Actor) -> CommandAnswer:
        return run(goodwill.grant_organizer_role, actor, data)
