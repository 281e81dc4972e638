"""The check-in desk's API: scans in order (one, or a device's offline queue), the list a
device keeps to decide offline, and the conflicts offline admissions left for organizers."""

from __future__ import annotations

from hashlib import sha256

import msgspec
from litestar import Controller, Request, get, post
from litestar.exceptions import ValidationException
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import JSONBody
from litestar.response import Response

from goodwill.http.core.access import CREW, ORGANIZERS, require_role
from goodwill.http.desk import run_scans
from goodwill.http.core.markers import Actor, App, PathId, Reads, Scanner
from goodwill.http.schemas.desk import Conflict, DeskAnswers, DeskScans, DoorList
from goodwill.projections import conflicts, door

UNCHANGED = ResponseSpec(None, description="The list is as the `If-None-Match` ETag says.")


class DeskController(Controller):
    path = "/events/{conference_id:uuid}"
    tags = ["check-in desk"]

    @post("/desk/scans", status_code=200)
    async def scans(self, goodwill: App, conference_id: PathId, data: JSONBody[DeskScans],
                    reader: Reads, scanner: Scanner) -> DeskAnswers:
        """Each scan is its own command, run in the order sent; a batch sent again is answered
        from the first answers. Refusals are answers (``outcome: refused``), not errors; a
        batch from someone who may not scan here is refused whole (403)."""
        for n, scan in enumerate(data.scans):
            if (scan.ticket_code is None) == (scan.ticket_id is None):
                raise ValidationException(extra=[{
                    "key": f"scans[{n}]", "message": "needs a ticket_code or a ticket_id"}])
        return (await run_scans(goodwill, reader, scanner, conference_id, data.scans))[1]

    @get("/desk/tickets", responses={304: UNCHANGED})
    async def door_list(self, request: Request, conference_id: PathId, reader: Reads,
                        actor: Actor) -> Response[DoorList]:
        """Every ticket of the event, named by its id (derived from its code, which is never
        sent), with its holder and state. A device asks again with ``If-None-Match`` and gets
        304 while nothing changed."""
        event = await require_role(reader, conference_id, actor, CREW)
        body = msgspec.json.encode(msgspec.convert({
            **event, "lists": event["check_in_lists"],
            "tickets": await door.door_list(reader, conference_id)}, DoorList, strict=False))
        tag = f'"{sha256(body).hexdigest()[:32]}"'
        headers = {"ETag": tag, "Cache-Control": "private, no-cache"}
        if tag in (t.strip() for t in request.headers.get("If-None-Match", "").split(",")):
            return Response(b"", status_code=304, headers=headers)
        return Response(body, media_type="application/json", headers=headers)

    @get("/check-in-conflicts")
    async def check_in_conflicts(self, conference_id: PathId, reader: Reads,
                                 actor: Actor) -> list[Conflict]:
        """Tickets admitted offline that were inside already or revoked: one check-in stands,
        and each of these says which other device let the person in, and when."""
        await require_role(reader, conference_id, actor, ORGANIZERS)
        rows = await conflicts.conflicts(reader, conference_id)
        return [msgspec.convert(row, Conflict, strict=False) for row in rows]
