"""What organizers hand out: attendees' sign-in links, door devices, and the join code that
opens their event to self-registration. Each is organizer-only, checked by the application."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

from litestar import Controller, Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.datastructures import State
from litestar.params import JSONBody

from goodwill.domain.errors import DomainError
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.commands import answer
from goodwill.http.mail import NO_ADDRESS, NO_SMTP, send_sign_in_link
from goodwill.http.core.markers import Actor, App, PathId, Reads, Signer
from goodwill.http.schemas.access import IssueDevice, OpenRegistration
from goodwill.http.schemas.common import Command, CommandAnswer
from goodwill.http.core.site import site_url
from goodwill.projections import credentials, directory
from goodwill.tokens import DEVICE, SIGN_IN_LINK


class AccessController(Controller):
    path = "/events/{conference_id:uuid}"
    tags = ["access"]

    @post("/attendees/{person_id:uuid}/sign-in-link", status_code=200, sync_to_thread=True)
    def sign_in_link(self, request: Request, conference_id: PathId, person_id: PathId,
                     data: JSONBody[Command], goodwill: App, actor: Actor,
                     keys: Signer) -> CommandAnswer:
        """The attendee's link, to show or print, for someone who has never signed in
        (it works once); asked again, the same link. After they have signed in, 403: a new
        link can only be emailed to them."""
        outcome = goodwill.issue_sign_in_link(actor, data.command_id, person_id, conference_id)
        token = keys.token(SIGN_IN_LINK, UUID(str(outcome.result["credential_id"])))
        return answer(outcome, link=f"{site_url(request)}/s#{token}")

    @post("/attendees/{person_id:uuid}/sign-in-link/email", status_code=202)
    async def email_sign_in_link(self, state: State, goodwill: App, conference_id: PathId,
                                 person_id: PathId, data: JSONBody[Command], reader: Reads,
                                 actor: Actor) -> Response[CommandAnswer]:
        """A link sent to the attendee's own email, never answered: how an organizer helps
        someone who has signed in before. One email per command id; 422 without SMTP or
        without an address of their own."""
        await require_role(reader, conference_id, actor, ORGANIZERS)
        if not state.settings.smtp_url:
            raise DomainError(NO_SMTP)
        outcome = await asyncio.to_thread(goodwill.issue_sign_in_link, actor,
                                          data.command_id, person_id, conference_id, True)
        address = await directory.email_of(reader, person_id)
        if not address:
            raise DomainError(NO_ADDRESS)
        credential_id = UUID(str(outcome.result["credential_id"]))
        task = None if outcome.replayed else BackgroundTask(send_sign_in_link, state, address,
                                                             credential_id)
        return Response(answer(outcome), status_code=202, background=task)

    @post("/attendees/{person_id:uuid}/sign-in-link/revoke", status_code=200,
          sync_to_thread=True)
    def revoke_sign_in_link(self, conference_id: PathId, person_id: PathId,
                            data: JSONBody[Command], goodwill: App,
                            actor: Actor) -> CommandAnswer:
        """Ends the link and the sessions opened with it; the next link is a new one."""
        return answer(goodwill.revoke_sign_in_link(actor, data.command_id, person_id,
                                                   conference_id))

    @post("/devices", sync_to_thread=True)
    def issue_device(self, conference_id: PathId, data: JSONBody[IssueDevice], goodwill: App,
                     actor: Actor, keys: Signer) -> CommandAnswer:
        """The token goes in the device's ``Authorization: Bearer`` header, or opens as a
        link (``/s#token``) on a door phone. A replay of this command shows it again only
        while nothing has used it: after that the device can only be revoked."""
        outcome = goodwill.issue_device(actor, data.command_id, conference_id, data.label)
        device_id = UUID(str(outcome.result["device_id"]))
        if outcome.replayed and goodwill.device_used(device_id):
            return answer(outcome)
        return answer(outcome, token=keys.token(DEVICE, device_id))

    @get("/devices")
    async def devices(self, conference_id: PathId, reader: Reads,
                      actor: Actor) -> list[dict[str, Any]]:
        await require_role(reader, conference_id, actor, ORGANIZERS)
        return await credentials.devices(reader, conference_id)

    @post("/devices/{device_id:uuid}/revoke", status_code=200, sync_to_thread=True)
    def revoke_device(self, conference_id: PathId, device_id: PathId, data: JSONBody[Command],
                      goodwill: App, actor: Actor) -> CommandAnswer:
        return answer(goodwill.revoke_device(actor, data.command_id, conference_id, device_id))

    @post("/registration", status_code=200, sync_to_thread=True)
    def open_registration(self, conference_id: PathId, data: JSONBody[OpenRegistration],
                          goodwill: App, actor: Actor, keys: Signer) -> CommandAnswer:
        """Answers with the join code to announce; the store keeps only its keyed digest."""
        code = data.join_code or keys.join_code(data.command_id)
        outcome = goodwill.open_registration(actor, data.command_id, conference_id,
                                             *keys.join_code_kept(code))
        return answer(outcome, join_code=code.upper())

    @post("/registration/close", status_code=200, sync_to_thread=True)
    def close_registration(self, conference_id: PathId, data: JSONBody[Command], goodwill: App,
                           actor: Actor) -> CommandAnswer:
        return answer(goodwill.close_registration(actor, data.command_id, conference_id))
