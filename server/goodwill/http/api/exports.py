"""An event's exports, for its organizers only: each streamed as a download, page by page
(the page that lists them is :mod:`goodwill.http.pages.exports_page`). What each holds, and
what consent leaves out of it, is said in :mod:`goodwill.exports`."""

from __future__ import annotations

from enum import Enum

from litestar import Controller, get
from litestar.params import FromPath
from litestar.response import Stream

from goodwill.exports import EXPORTS, filename
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.core.markers import Actor, PathId, Reads

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
