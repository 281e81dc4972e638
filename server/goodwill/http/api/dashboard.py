"""What an event's crew watches: the directory, check-in counts, the scan log, the figures."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Controller, get

from goodwill.http.core.access import CREW, ORGANIZERS, require_present, require_role
from goodwill.http.core.markers import Actor, Limit, Offset, PathId, Reads, Search
from goodwill.http.schemas.events import AuditEntry
from goodwill.http.schemas.people import Listed
from goodwill.projections import audit, checkins, directory, figures



class DashboardController(Controller):
    path = "/events/{conference_id:uuid}"
    tags = ["events"]

    @get("/directory")
    async def event_directory(self, conference_id: PathId, reader: Reads, actor: Actor,
                              q: Search = "", limit: Limit = 50,
                              offset: Offset = 0) -> list[Listed]:
        """Only attendees who opted in; searched by name, company, offers and needs."""
        await require_present(reader, conference_id, actor)
        rows = await directory.listed(reader, conference_id, q, limit, offset)
        return [Listed(**row) for row in rows]

    @get("/check-ins")
    async def check_ins(self, conference_id: PathId, reader: Reads,
                        actor: Actor) -> dict[str, dict[str, int]]:
        """Per check-in list: tickets checked in there so far, and how many are inside now."""
        await require_role(reader, conference_id, actor, CREW)
        return await checkins.counts(reader, conference_id)

    @get("/scan-log")
    async def scan_log(self, conference_id: PathId, reader: Reads, actor: Actor,
                       limit: Limit = 100, offset: Offset = 0) -> list[dict[str, Any]]:
        await require_role(reader, conference_id, actor, ORGANIZERS)
        return await checkins.scan_log(reader, conference_id, limit, offset)

    @get("/figures")
    async def event_figures(self, conference_id: PathId, reader: Reads,
                            actor: Actor) -> dict[str, Any]:
        """Each metric per UTC hour and in total: the value the event created, as it grew."""
        await require_role(reader, conference_id, actor, ORGANIZERS)
        return await figures.figures(reader, conference_id)

    @get("/audit")
    async def audit_log(self, conference_id: PathId, reader: Reads, actor: Actor,
                        limit: Limit = 100, offset: Offset = 0) -> list[AuditEntry]:
        """Newest first: who on the crew did what here, refusals included; organizers only."""
        await require_role(reader, conference_id, actor, ORGANIZERS)
        rows = await audit.audit_log(reader, conference_id, limit, offset)
        return [msgspec.convert(row, AuditEntry, strict=False) for row in rows]
