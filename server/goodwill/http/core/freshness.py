"""Read your own writes: a read may name the position its command answered (``after``) and
is served once every read model has got that far, or after a bounded wait, marked stale."""

from __future__ import annotations

import asyncio
from typing import Annotated

from litestar import Request
from litestar.datastructures import State
from litestar.exceptions import ValidationException
from litestar.params import QueryParameter
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from goodwill.database import Reader
from goodwill.projections.engine.runner import slowest_position

STALE_HEADER = "X-Goodwill-Stale"
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.02
AHEAD = "is past the last recorded command: pass the position a command answered"
"""No command answers a position before it is recorded, so waiting for one would be in vain."""


async def caught_up(reader: Reader, position: int, wait: float = WAIT_SECONDS) -> bool:
    """Whether every projection reached ``position`` within ``wait`` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    while await slowest_position(reader) < position:
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(POLL_SECONDS)
    return True


async def fresh_reader(
    request: Request, state: State,
    after: Annotated[int | None, QueryParameter(
        ge=0, description="A command's position: answer once the read models include it.")] = None,
) -> Reader:
    """The reader, handed out only once it has caught up with ``after``. A read that gives
    up waiting still answers, flagged so the client can retry rather than trust it."""
    reader = state.system.reader
    if after is None or await caught_up(reader, after, wait=0):
        return reader
    if after > await asyncio.to_thread(state.system.runner.head):
        raise ValidationException(extra=[{"key": "after", "message": AHEAD}])
    if not await caught_up(reader, after):
        request.scope.setdefault("state", {})[STALE_HEADER] = True
    return reader


def stale_header(app: ASGIApp) -> ASGIApp:
    """Adds ``X-Goodwill-Stale: true`` to answers whose read gave up waiting."""
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        async def send_marked(message: Message) -> None:
            stale = scope.get("state", {}).get(STALE_HEADER)
            if stale and message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), (b"x-goodwill-stale", b"true")]
            await send(message)
        await app(scope, receive, send_marked if scope["type"] == "http" else send)
    return middleware
