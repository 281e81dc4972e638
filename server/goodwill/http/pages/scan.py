"""The in-app scanner. The camera's QR is read in the browser (web/static/scan.js), which
opens ``/c/<code>`` itself; a typed or pasted code, or what a keyboard-wedge scanner types,
comes here as ``?code=`` and is sent on to the same page, so it all works without scripts."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from litestar import Request, Response, get
from litestar.params import QueryParameter
from litestar.response import Redirect, Template

from goodwill.http.core.assets import QR_DECODER
from goodwill.http.core.markers import Actor, Reads
from goodwill.http.schemas.common import CODE_LENGTH, CODE_PATTERN
from goodwill.http.core.site import site_url
from goodwill.projections import directory

Typed = Annotated[str | None, QueryParameter(max_length=2000)]


def badge_code(text: str, sites: set[str]) -> str | None:
    """The connect code a typed text names: the code itself, or a badge link (scheme
    optional) to one of ``sites``. A link elsewhere names no badge of ours, even if its path
    looks like one."""
    text = text.strip()
    if "/" in text:
        url = urlsplit(text if "://" in text or text.startswith("/") else f"//{text}")
        if url.netloc.lower() not in sites | {""} or not url.path.startswith("/c/"):
            return None
        text = url.path.removeprefix("/c/").rstrip("/")
    return text if len(text) <= CODE_LENGTH and re.fullmatch(CODE_PATTERN, text) else None


def typing_error(typed: str) -> str:
    if not typed.strip():
        return "Please type or paste the code from the badge."
    return "That is not a Goodwill badge code or link."


@get("/scan")
async def scan_page(request: Request, reader: Reads, actor: Actor,
                    code: Typed = None) -> Response:
    """Without ``code``, the scanner; with a code or link of a badge, on to its page (303);
    with anything else, the page again with the error next to the field (400)."""
    site = urlsplit(site_url(request))
    error = None
    if code is not None:
        found = badge_code(code, {site.netloc.lower(), request.url.netloc.lower()})
        if found:
            return Redirect(f"/c/{found}", status_code=303)
        error = typing_error(code)
    return Template("attendee/scan.html", status_code=400 if error else 200, context={
        "typed": code or "", "error": error,
        "events": await directory.events_of(reader, actor), "decoder": QR_DECODER,
        "code_pattern": CODE_PATTERN, "code_length": CODE_LENGTH,
        "badge_origin": f"{site.scheme}://{site.netloc}"})
