"""Query and path values are checked like a command's values before any handler reads them:
a NUL or another control character, a lone surrogate, a value too long or a day outside
2000–2199 is the sender's 400 naming the parameter, never a database's 500."""

from __future__ import annotations

from datetime import date, datetime

from litestar import Request
from litestar.exceptions import ValidationException
from litestar.typing import FieldDefinition

from goodwill.application.boundary import leaf_problem

MAX_PARAMETER = 1_000
"""Characters in one query or path value: a search, a cursor, a code are far shorter."""


def parameter_problem(value: str, field: FieldDefinition | None) -> str | None:
    if len(value) > MAX_PARAMETER:
        return f"must be at most {MAX_PARAMETER} characters"
    if problem := leaf_problem(value):
        return problem
    if field is not None and field.has_inner_subclass_of(date):
        return leaf_problem(as_day_or_moment(value))
    return None


def as_day_or_moment(value: str) -> date | datetime | None:
    """What the handler will read, if it reads as one; if not, its own check says so."""
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            return parse(value)
        except ValueError:
            pass
    return None


async def checked_parameters(request: Request) -> None:
    """Runs before a handler's values are read, for every route, pages and API alike."""
    fields = request.route_handler.parsed_fn_signature.parameters
    errors = [{"key": name, "message": problem}
              for name, value in [*request.query_params.multi_items(),
                                  *request.path_params.items()]
              if isinstance(value, str) and (problem := parameter_problem(value,
                                                                          fields.get(name)))]
    if errors:
        raise ValidationException(extra=errors)
