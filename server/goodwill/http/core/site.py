"""The address people's phones open, printed on badges and in sign-in links: the configured
public URL, else the address the server was started on. Never the request's Host header,
which whoever sends the request chooses (``Host: evil.example`` must not reach a badge)."""

from __future__ import annotations

from urllib.parse import urlsplit

from litestar import Request


def site_url(request: Request) -> str:
    return request.app.state.settings.site_url


def site_host(request: Request) -> str:
    """The site's host name: calendar entries' UIDs stay the same whichever name (of those
    allowed) a download was asked by."""
    return urlsplit(site_url(request)).hostname or "goodwill"
