"""People: registered once, whatever events they attend. Managing them is for organizers."""

from __future__ import annotations

from litestar import Controller, post
from litestar.di import Provide
from litestar.params import JSONBody

from goodwill.http.actor import acting_organizer
from goodwill.http.commands import run
from goodwill.http.markers import App, Organizer
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.people import GrantOrganizer, RegisterPerson


class PersonController(Controller):
    """The application lets anyone run these two commands, so the organizer role is checked
    here until it checks it itself."""

    path = "/people"
    tags = ["people"]
    dependencies = {"organizer": Provide(acting_organizer)}

    @post("/", sync_to_thread=True)
    def register(self, data: JSONBody[RegisterPerson], goodwill: App,
                 organizer: Organizer) -> CommandAnswer:
        """Find-or-create by email: importing the same person twice gives the same id."""
        return run(goodwill.register_person, organizer, data)

    @post("/organizers", status_code=200, sync_to_thread=True)
    def grant_organizer(self, data: JSONBody[GrantOrganizer], goodwill: App,
                        organizer: Organizer) -> CommandAnswer:
        return run(goodwill.grant_organizer_role, organizer, data)
