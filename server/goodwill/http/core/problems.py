"""The OpenAPI document names every problem an API route can answer, in the shape
:mod:`goodwill.http.core.errors` sends, so clients and contract tests can rely on it."""

from __future__ import annotations

import msgspec
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.datastructures import ResponseSpec

from goodwill.http.core.errors import MEDIA_TYPE



class FieldError(msgspec.Struct):
    field: str
    message: str


class Problem(msgspec.Struct):
    """RFC 9457 problem details; ``type`` is a stable ``urn:goodwill:problem:…`` name."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldError] | None = None


WHY = {400: "The request is malformed: `errors` names each field to correct.",
       401: "Nobody is signed in.",
       403: "The signed-in person may not do or see this.",
       404: "Something the request names does not exist, or is not theirs to see.",
       409: "The command conflicts with what already happened.",
       413: "The request body is too large.",
       422: "A rule of the domain refused the command.",
       429: "Too many attempts: wait as long as `Retry-After` says."}
READS = (400, 401, 403, 404)
"""A read may also be refused; only commands meet conflicts, domain rules and size limits."""


def problem_responses(statuses: tuple[int, ...]) -> dict[int, ResponseSpec]:
    return {status: ResponseSpec(data_container=Problem, media_type=MEDIA_TYPE,
                                 description=WHY[status], generate_examples=False)
            for status in statuses}


def document_problems(app: Litestar) -> None:
    """Added to each documented route's own responses once routes are registered, so no
    handler has to repeat them; replaces Litestar's default 400 shape, which ours is not."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", ()):
            if isinstance(handler, HTTPRouteHandler):
                reads = handler.http_methods <= {"GET", "HEAD"}
                statuses = READS + (429,) if reads else tuple(WHY)
                handler.responses = {**problem_responses(statuses), **(handler.responses or {})}
