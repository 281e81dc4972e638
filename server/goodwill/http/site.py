"""The address people's phones open, printed on badges and in sign-in links: the configured
public URL, else the address the server was started on. Never the request's Host header,
which whoever sends the request chooses (``Host: evil.example`` must not reach a badge)."""

from __future__ import annotations

from litestar import Request


def site_url(request: Request) -> str:
    return request.app.state.settings.site_url
