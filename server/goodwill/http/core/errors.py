"""Every error leaves as RFC 9457 ``application/problem+json``, mapped here and nowhere else."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from goodwill.database import UNAVAILABLE
from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError, NotFoundError
from goodwill.http.core.validation import describe, field_errors

log = logging.getLogger(__name__)
MEDIA_TYPE = "application/problem+json"
DOMAIN_STATUS = {NotFoundError: 404, NotAllowedError: 403, ConflictError: 409}


def problem(status: int, detail: str, kind: str | None = None,
            headers: dict[str, str] | None = None, **extra: Any) -> Response[dict[str, Any]]:
    """``type`` names the kind of problem so clients can branch on it without parsing text."""
    title = HTTPStatus(status).phrase
    body = {"type": f"urn:goodwill:problem:{kind or title.lower().replace(' ', '-')}",
            "title": title, "status": status, "detail": detail, **extra}
    return Response(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def domain_status(error: DomainError) -> int:
    """A refused command is the domain's answer, not a failure: 404/403/409, else 422."""
    return next((s for cls, s in DOMAIN_STATUS.items() if isinstance(error, cls)), 422)


def domain_refusal(_: Request, error: DomainError) -> Response[dict[str, Any]]:
    return problem(domain_status(error), error.message, error.code)


def invalid_request(_: Request, error: ValidationException) -> Response[dict[str, Any]]:
    errors = field_errors(error.extra)
    return problem(400, describe(errors), "invalid-request", errors=errors)


PLAIN_WORDS = {404: "There is nothing at {path}.", 405: "{path} does not answer {method}.",
               413: "The request body is too large."}


def http_error(request: Request, error: HTTPException) -> Response[dict[str, Any]]:
    """Litestar's own refusals; its bare status phrases are replaced by a sentence."""
    detail = error.detail
    if detail == HTTPStatus(error.status_code).phrase and error.status_code in PLAIN_WORDS:
        detail = PLAIN_WORDS[error.status_code].format(path=request.url.path,
                                                       method=request.method)
    return problem(error.status_code, detail, headers=error.headers)


RETRY_AFTER_SECONDS = 1


def unavailable(request: Request, error: Exception) -> Response[dict[str, Any]]:
    """The database went away mid-request. A command sent again with its command id is
    applied once, whether or not this one was, so the client may simply resend it."""
    log.warning("%s %s: the database did not answer (%s)", request.method, request.url.path,
                type(error).__name__)
    return problem(503, "The database is not answering just now. Please send the request"
                        " again in a moment.", "unavailable",
                   headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


def unexpected(request: Request, error: Exception) -> Response[dict[str, Any]]:
    """Logged in full for us; the caller learns only that it was our fault."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=error)
    return problem(500, "Something went wrong on our side. Please try again later.")


EXCEPTION_HANDLERS = {DomainError: domain_refusal, ValidationException: invalid_request,
                      HTTPException: http_error, Exception: unexpected,
                      **dict.fromkeys(UNAVAILABLE, unavailable)}
