"""Tickets at the door: staff scan them in and out; organizers revoke them."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Controller, get, post
from litestar.params import JSONBody

from goodwill.domain.errors import NotFoundError
from goodwill.http.core.access import CREW, require_role
from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, PathId, Reads, Scanner
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.tickets import Admission, RevokeTicket, Scan, UndoCheckIn
from goodwill.projections import checkins


class TicketController(Controller):
    path = "/tickets"
    tags = ["tickets"]

    @post("/check-in", status_code=200, sync_to_thread=True)
    def check_in(self, data: JSONBody[Admission], goodwill: App,
                 scanner: Scanner) -> CommandAnswer:
        """A second scan of a ticket already inside is a 409 saying when, where and by which
        device it was admitted. Offline devices send ``scanned_at`` and replay safely; with
        ``offline`` what they let through is never refused, a conflict is recorded instead."""
        return run(goodwill.check_in, scanner, data)

    @post("/check-out", status_code=200, sync_to_thread=True)
    def check_out(self, data: JSONBody[Scan], goodwill: App, scanner: Scanner) -> CommandAnswer:
        return run(goodwill.check_out, scanner, data)

    @post("/undo-check-in", status_code=200, sync_to_thread=True)
    def undo_check_in(self, data: JSONBody[UndoCheckIn], goodwill: App,
                      actor: Actor) -> CommandAnswer:
        """A mistaken check-in, taken back by whoever made it: the ticket is outside again and
        the counts go back; the scan log and the audit keep both."""
        return run(goodwill.undo_check_in, actor, data)

    @post("/revoke", status_code=200, sync_to_thread=True)
    def revoke(self, data: JSONBody[RevokeTicket], goodwill: App, actor: Actor) -> CommandAnswer:
        return run(goodwill.revoke_ticket, actor, data)

    @get("/{ticket_id:uuid}")
    async def state(self, ticket_id: PathId, reader: Reads, actor: Actor) -> dict[str, Any]:
        """Per check-in list, whether the ticket is inside: for the event's staff and organizers."""
        ticket = await checkins.ticket_state(reader, ticket_id)
        if ticket is None:
            raise NotFoundError("No such ticket.")
        await require_role(reader, UUID(ticket["conference_id"]), actor, CREW)
        return ticket
