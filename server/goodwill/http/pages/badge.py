"""My badge on my phone: the QR another attendee scans to connect with me."""

from __future__ import annotations

from litestar import Request, get
from litestar.exceptions import NotFoundException
from litestar.response import Template

from goodwill.http.core.markers import Actor, PathId, Reads
from goodwill.http.pages.present.qr import qr_svg
from goodwill.http.core.site import site_url
from goodwill.projections import directory


@get("/events/{conference_id:uuid}/badge")
async def badge(request: Request, conference_id: PathId, actor: Actor,
                reader: Reads) -> Template:
    """Only the wearer sees it: a connect code is public on a printed badge, but this page
    also says whose event it is, so someone else's asks get a 404."""
    me = await directory.attendee(reader, conference_id, actor)
    if me is None:
        raise NotFoundException("You have no badge at this event.")
    url = f"{site_url(request)}/c/{me['connect_code']}"
    return Template("attendee/badge.html", context={"code": me["connect_code"], "url": url,
                                           "qr": qr_svg(url, f"Badge of {me['name']}")})

