"""Requests must be addressed to this site: its own host name (the public URL's, or the
address it was started on) or one the operator allowed (``GOODWILL_ALLOWED_HOSTS``). A
request naming another host is refused before any handler runs, so nothing is answered for
a site someone else named (a poisoned cache, a link built by a proxy from the Host header).
Health checks and metrics are exempt: orchestrators call them by the pod's address."""

from __future__ import annotations

import json
from collections.abc import Sequence
from urllib.parse import urlsplit

from litestar.middleware import DefineMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from goodwill.http.core.errors import MEDIA_TYPE

EXEMPT = ("/healthz", "/readyz", "/metrics")
REFUSAL = json.dumps({
    "type": "urn:goodwill:problem:unknown-host", "title": "Bad Request", "status": 400,
    "detail": "This server does not answer to that host name: use its own address, or ask"
              " its operator to add the name to GOODWILL_ALLOWED_HOSTS."}).encode()


def host_name(header: str) -> str:
    """"Example.org:8443" → "example.org", "[::1]:8000" → "::1"; "" when it is no host."""
    try:
        return urlsplit(f"//{header}").hostname or ""
    except ValueError:
        return ""


def trusted(name: str, hosts: Sequence[str]) -> bool:
    """``*`` trusts any name; ``*.example.org`` its subdomains."""
    return bool(name) and any(host == "*" or name == host.lower()
                              or (host.startswith("*.") and name.endswith(host[1:].lower()))
                              for host in hosts)


class HostCheck:
    def __init__(self, app: ASGIApp, hosts: Sequence[str]) -> None:
        self.app, self.hosts = app, tuple(hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT or trusted(
                host_name(dict(scope["headers"]).get(b"host", b"").decode("latin-1")),
                self.hosts):
            await self.app(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", MEDIA_TYPE.encode()),
                                (b"content-length", str(len(REFUSAL)).encode())]})
        await send({"type": "http.response.body", "body": REFUSAL})


def host_check(hosts: Sequence[str]) -> DefineMiddleware:
    return DefineMiddleware(HostCheck, hosts=hosts)
