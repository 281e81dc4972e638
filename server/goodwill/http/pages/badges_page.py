"""The badge sheet an organizer prints: two by four badges to a page of A4 or US Letter,
each with the wearer's name, their company if they share it, and the QR of their connect
URL, which any phone's camera opens to connect.

What a badge shows is what anyone scanning it is shown (see
:mod:`goodwill.projections.badges`): the name people registered with, and the company only
with their consent to be listed in the directory (DESIGN.md, section 4).

A large event prints in parts of 25 pages: drawing a QR takes a few milliseconds, so a
part is ready in about a second, and a browser prints 200 pages' worth of SVG at once
without strain (2,000 attendees: ten parts).
"""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal

from litestar import Request, get
from litestar.exceptions import NotFoundException
from litestar.params import QueryParameter
from litestar.response import Template

from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.pages.forms.common import page
from goodwill.http.core.markers import Actor, PathId, Reads
from goodwill.http.pages.present.qr import qr_svg
from goodwill.http.core.site import site_url
from goodwill.projections import badges

PAPERS = {"a4": "A4", "letter": "US Letter"}
PER_PAGE = 8
"""Two columns of four: about 95 × 69 mm on A4, 3.75 × 2.5 in on Letter."""
PAGES_PER_PART = 25
PER_PART = PER_PAGE * PAGES_PER_PART
Paper = Annotated[Literal["a4", "letter"], QueryParameter(description="Paper size")]
Part = Annotated[int, QueryParameter(ge=1, le=10_000, description="Which part, from 1")]


def laid_out(rows: list[dict[str, Any]], site: str) -> list[list[dict[str, Any]]]:
    """Pages of badges, each with its QR drawn: run in a thread, off the event loop."""
    drawn = [{**row, "qr": qr_svg(f"{site}/c/{row['connect_code']}", f"Badge of {row['name']}")}
             for row in rows]
    return [drawn[i:i + PER_PAGE] for i in range(0, len(drawn), PER_PAGE)]


@get("/events/{conference_id:uuid}/badges")
async def badge_sheet(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                      paper: Paper = "a4", part: Part = 1) -> Template:
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    total = await badges.badge_count(reader, conference_id)
    parts = max(1, -(-total // PER_PART))
    if part > parts:
        raise NotFoundException(f"There are {parts} parts to print.")
    rows = await badges.badges(reader, conference_id, PER_PART, (part - 1) * PER_PART)
    pages = await asyncio.to_thread(laid_out, rows, site_url(request))
    return page(request, "organizer/badges.html",
                {"event": event, "paper": paper, "papers": PAPERS, "pages": pages,
                 "part": part, "parts": parts, "total": total, "first": (part - 1) * PER_PART})


HANDLERS = [badge_sheet]
