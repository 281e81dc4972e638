"""An event's exports, for its organizers only: each streamed as a download, page by page,
and a page that lists them. What each holds, and what consent leaves out of it, is said in
:mod:`goodwill.exports`."""

from __future__ import annotations

from enum import Enum

from litestar import Controller, Request, get
from litestar.params import FromPath
from litestar.response import Stream, Template

from goodwill.exports import EXPORTS, filename
from goodwill.http.access import ORGANIZERS, require_role
from goodwill.http.forms import page
from goodwill.http.markers import Actor, PathId, Reads

ExportName = Enum("ExportName", {name: name for name in EXPORTS}, type=str)
"""The fixed set, so the API document lists it and anything else is refused unread."""


class ExportController(Controller):
    path = "/events/{conference_id:uuid}/exports"
    tags = ["exports"]

    @get("/{name:str}",
         response_description="The file; its media type follows its name's ending.")
    async def download(self, conference_id: PathId, name: FromPath[ExportName], reader: Reads,
                       actor: Actor) -> Stream:
        """The export as an attachment named ``<event-slug>-<name>``, sent as it is read."""
        event = await require_role(reader, conference_id, actor, ORGANIZERS)
        export = EXPORTS[name.value]
        return Stream(export.write(reader, event), media_type=export.media_type, headers={
            "Content-Disposition": f'attachment; filename="{filename(event, export)}"'})


@get("/events/{conference_id:uuid}/exports")
async def exports_page(request: Request, conference_id: PathId, reader: Reads,
                       actor: Actor) -> Template:
    """Plain links: a browser downloads each with the session cookie, scripts or not."""
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    return page(request, "exports.html", {"event": event, "exports": [
        {"title": export.title, "about": export.about, "filename": filename(event, export),
         "url": f"/api/v1/events/{conference_id}/exports/{name}"}
        for name, export in EXPORTS.items()]})
