"""People: registered once, whatever events they attend. Managing them is for organizers."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.markers import Actor, App
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.people import GrantOrganizer, RegisterPerson


class PersonController(Controller):
    """Managing people is for organizers; the application checks the role."""

    path = "/people"
    tags = ["people"]

    @post("/", sync_to_thread=True)
    def register(self, data: JSONBody[RegisterPerson], goodwill: App,
                 actor: Actor) -> CommandAnswer:
        """Find-or-create by email: importing the same person twice gives the same id."""
        return run(goodwill.register_person, actor, data)

    @post("/organizers", status_code=200, sync_to_thread=True)
    def grant_organizer(self, data: JSONBody[GrantOrganizer], goodwill: App,
                        actor: Actor) -> CommandAnswer:
        return run(goodwill.grant_organizer_role, actor, data)
