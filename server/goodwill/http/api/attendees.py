"""Attendees of one event: organizers register them and, with staff, list them as consent
allows; each attendee keeps their own profile and consent choices."""

from __future__ import annotations

import msgspec
from litestar import Controller, get, post
from litestar.params import JSONBody

from goodwill.domain import attendee as domain
from goodwill.domain.errors import NotFoundError
from goodwill.http.core.access import CREW, require_role
from goodwill.http.commands import answer
from goodwill.http.core.markers import Actor, App, Limit, Offset, PathId, Reads, Search
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.people import (Attendee, ChangeConsent, ConsentChoice,
                                          RegisterAttendee, RosterEntry, UpdateProfile)
from goodwill.projections import consent, directory, roster

SHARED = ("person_id", "name", "company", "role", "offers", "needs", "email")
"""What an organizer sees of an attendee who shared their profile with organizers."""


class AttendeeController(Controller):
    path = "/events/{conference_id:uuid}/attendees"
    tags = ["attendees"]

    @post("/", sync_to_thread=True)
    def register(self, conference_id: PathId, data: JSONBody[RegisterAttendee], goodwill: App,
                 actor: Actor) -> CommandAnswer:
        """Answers with the secret ticket code and the public connect code, to print."""
        return answer(goodwill.register_attendee(
            actor, data.command_id, conference_id, data.person_id, profile_of(data.profile),
            consent_of(data.consent), data.ticket_code, tuple(data.lists), data.email))

    @get("/")
    async def crew_list(self, conference_id: PathId, reader: Reads, actor: Actor, q: Search = "",
                        limit: Limit = 50, offset: Offset = 0) -> list[RosterEntry]:
        """Organizers get every attendee, a profile only where it was shared with them; staff
        get names and ticket state, searched by name at the door; attendees get nothing."""
        event = await require_role(reader, conference_id, actor, CREW)
        if str(actor) in event["organizers"]:
            rows = await roster.roster(reader, conference_id, q, limit, offset)
            return [entry(r, SHARED if r["shared_with_organizer"] else ()) for r in rows]
        rows = await roster.door_list(reader, conference_id, q, limit, offset)
        return [entry(r, ("name",)) for r in rows]

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


    @get("/me/consent-history")
    async def consent_history(self, conference_id: PathId, reader: Reads,
                              actor: Actor) -> list[ConsentChoice]:
        """What I shared and since when, from registration on: mine only."""
        rows = await consent.consent_history(reader, conference_id, actor)
        if not rows:
            raise NotFoundError("You are not registered for this event.")
        return [ConsentChoice(**row) for row in rows]


def entry(row: dict, fields: tuple[str, ...]) -> RosterEntry:
    """A row cut down to ticket state and the ``fields`` its reader may see."""
    return RosterEntry(attendee_id=row["attendee_id"], checked_in=bool(row["checked_in"]),
                       inside=bool(row["inside"]), revoked=bool(row["revoked"]),
                       ticket_type=row["ticket_type"], **{field: row[field] for field in fields})


def profile_of(profile: msgspec.Struct) -> domain.Profile:
    return domain.Profile(**msgspec.structs.asdict(profile))


def consent_of(consent: msgspec.Struct) -> domain.Consent:
    return domain.Consent(**msgspec.structs.asdict(consent))
