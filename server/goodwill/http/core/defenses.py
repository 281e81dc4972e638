"""Headers every response carries, and the same-origin check for forms that sign people in.

The CSP allows scripts, styles and frames from this origin only and no inline script, so
an injected ``<script>`` does not run; the only inline styles it lets apply are the
stylesheets pages inline (by their hashes); ``no-referrer`` keeps sign-in links out of other
sites' logs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from litestar.connection import ASGIConnection
from litestar.datastructures import MutableScopeHeaders
from litestar.exceptions import PermissionDeniedException
from litestar.handlers import BaseRouteHandler
from litestar.types import Message, Scope

from goodwill.http.core.assets import style_sources

NO_STORE = {"Cache-Control": "no-store"}
"""For a page that carries a secret (a link, a ticket's code): kept by no cache."""
CSP = (f"default-src 'self'; script-src 'self'; style-src 'self' {style_sources()};"
       " img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self';"
       " frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cross-Origin-Opener-Policy": "same-origin"}
HSTS = "max-age=31536000; includeSubDomains"


async def security_headers(message: Message, scope: Scope) -> None:
    """Runs for every answer, errors and unknown routes included. A page is asked for again
    at each visit (``no-cache``), unless it said more (``no-store``). HSTS only over HTTPS
    (or when settings say TLS ends at a proxy), where a browser will honour it."""
    if message["type"] != "http.response.start":
        return
    headers = MutableScopeHeaders.from_message(message)
    for name, value in HEADERS.items():
        headers.setdefault(name, value)
    if headers.get("Content-Type", "").startswith("text/html"):
        headers.setdefault("Cache-Control", "no-cache")
    if scope.get("scheme") == "https" or scope["app"].state.settings.secure_cookies:
        headers.setdefault("Strict-Transport-Security", HSTS)


def same_origin(connection: ASGIConnection, _: BaseRouteHandler) -> None:
    """Refuses a form posted from another site, so nobody can sign a visitor in as someone
    else (login CSRF). Browsers say where a request comes from in ``Sec-Fetch-Site``; under
    ``Referrer-Policy: no-referrer`` their ``Origin`` is "null" even on this site, so it is
    compared only when that header is missing (older browsers)."""
    fetch_site = connection.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        if fetch_site not in ("same-origin", "none"):
            raise PermissionDeniedException(detail="This form can only be sent from this site.")
        return
    origin = connection.headers.get("Origin")
    if origin is not None and urlsplit(origin).netloc != connection.headers.get("Host"):
        raise PermissionDeniedException(detail="This form can only be sent from this site.")
