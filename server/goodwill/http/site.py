"""The address people's phones open. Behind a proxy the request's own address is the inside
one, so links handed out (badges, sign-in links) use the configured public URL when set."""

from __future__ import annotations

from litestar import Request


def site_url(request: Request) -> str:
    return request.app.state.settings.public_url or str(request.base_url).rstrip("/")
