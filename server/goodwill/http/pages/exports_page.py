"""The page that lists an event's exports for its organizers, each a plain link to the API's
download (:mod:`goodwill.http.api.exports`)."""

from __future__ import annotations

from litestar import Request, get
from litestar.response import Template

from goodwill.exports import EXPORTS, filename
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.pages.forms.common import page
from goodwill.http.core.markers import Actor, PathId, Reads


@get("/events/{conference_id:uuid}/exports")
async def exports_page(request: Request, conference_id: PathId, reader: Reads,
                       actor: Actor) -> Template:
    """Plain links: a browser downloads each with the session cookie, scripts or not."""
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    return page(request, "organizer/exports.html", {"event": event, "exports": [
        {"title": export.title, "about": export.about, "filename": filename(event, export),
         "url": f"/api/v1/events/{conference_id}/exports/{name}"}
        for name, export in EXPORTS.items()]})
