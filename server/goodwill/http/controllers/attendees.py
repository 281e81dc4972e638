"""Attendees of one event: organizers register them; each attendee keeps their own profile
and consent choices."""

from __future__ import annotations

import msgspec
from litestar import Controller, get, post
from litestar.params import JSONBody

from goodwill.domain import attendee as domain
from goodwill.domain.errors import NotFoundError
from goodwill.http.commands import answer
from goodwill.http.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.people import Attendee, ChangeConsent, RegisterAttendee, UpdateProfile
from goodwill.projections import directory


class AttendeeController(Controller):
    path = "/events/{conference_id:uuid}/attendees"
    tags = ["attendees"]

    @post("/", sync_to_thread=True)
    def register(self, conference_id: PathId, data: JSONBody[RegisterAttendee], goodwill: App,
                 actor: Actor) -> CommandAnswer:
        """Answers with the secret ticket code and the public connect code, to print."""
        return answer(goodwill.register_attendee(
            actor, data.command_id, conference_id, data.person_id, profile_of(data.profile),
            consent_of(data.consent), data.ticket_code, tuple(data.lists)))

    @get("/me")
    async def mine(self, conference_id: PathId, reader: Reads, actor: Actor) -> Attendee:
        row = await directory.attendee(reader, conference_id, actor)
        if row is None:
            raise NotFoundError("You are not registered for this event.")
        return msgspec.convert(row, Attendee, strict=False)

    @post("/me/profile", status_code=200, sync_to_thread=True)
    def update_profile(self, conference_id: PathId, data: JSONBody[UpdateProfile], goodwill: App,
                       actor: Actor) -> CommandAnswer:
        return answer(goodwill.update_profile(actor, data.command_id, conference_id,
                                              profile_of(data.profile)))

    @post("/me/consent", status_code=200, sync_to_thread=True)
    def change_consent(self, conference_id: PathId, data: JSONBody[ChangeConsent], goodwill: App,
                       actor: Actor) -> CommandAnswer:
        return answer(goodwill.change_consent(actor, data.command_id, conference_id,
                                              consent_of(data.consent)))


def profile_of(profile: msgspec.Struct) -> domain.Profile:
    return domain.Profile(**msgspec.structs.asdict(profile))


def consent_of(consent: msgspec.Struct) -> domain.Consent:
    return domain.Consent(**msgspec.structs.asdict(consent))
