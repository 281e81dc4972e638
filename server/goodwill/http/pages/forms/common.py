"""What every page form shares: its command id, its fields' errors, and one URL answering a
page or a fragment.

A form's command id is drawn when the page renders, so a double tap or a resent form is
one command; htmx asks for the same URL with ``HX-Request`` and gets only the part it swaps.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID, uuid5

from litestar import Request, Response
from litestar.exceptions import ValidationException
from litestar.response import Redirect, Template

from goodwill.application import Outcome
from goodwill.application.boundary import EARLIEST, LATEST, Unstorable, text_problem
from goodwill.domain.errors import DomainError
from goodwill.http.core.errors import domain_status
from goodwill.http.core.freshness import caught_up
from goodwill.http.core.identity import form_token
from goodwill.http.core.markers import Reads
from goodwill.http.schemas.common import TEXT_LONGEST


class Invalid(Exception):
    """A field the form must fix, shown next to that field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


def command_id(form: Any, field: str = "command_id") -> UUID:
    """A form that runs two commands carries a second id under another ``field``."""
    try:
        return UUID(str(form.get(field)))
    except ValueError:
        raise ValidationException(
            detail="The form lost its command id: reload the page.") from None


def row_command(form: Any, row: UUID) -> UUID:
    """One form serves every row of a list, each row's button naming its row: the command id
    is the form's and the row's together, so a resent click is one command and clicks on
    two rows are two."""
    return uuid5(command_id(form), str(row))


def required(form: Any, field: str, choices: tuple[str, ...] = (),
             longest: int = TEXT_LONGEST) -> str:
    value = str(form.get(field) or "").strip()
    if not value:
        raise Invalid(field, "Please fill this in.")
    if choices and value not in choices:
        raise Invalid(field, "Please choose one of the options.")
    if len(value) > longest:
        raise Invalid(field, f"Please keep this under {longest} characters.")
    if problem := text_problem(value):
        raise Invalid(field, correct(problem))
    return value


def day(form: Any, field: str) -> date:
    """A day an event, a promise or a reminder can be on."""
    try:
        found = date.fromisoformat(required(form, field, longest=10))
    except ValueError:
        raise Invalid(field, "Please give a date like 2026-11-25.") from None
    if not EARLIEST <= found <= LATEST:
        raise Invalid(field, f"Please give a day from {EARLIEST.year} to {LATEST.year}.")
    return found


def correct(problem: str) -> str:
    """What the log's own check says, for the field it is shown beside."""
    return f"Please correct this: it {problem}."


@dataclass(frozen=True)
class Attempt:
    """What came of a sent form: the command's outcome, or what to show next to its fields
    (``form`` for the domain's refusal) with the status the page answers."""

    outcome: Outcome | None
    errors: dict[str, str] = field(default_factory=dict)
    status: int = 200


async def attempt(command: Awaitable[Outcome]) -> Attempt:
    try:
        return Attempt(await command)
    except Invalid as error:
        return Attempt(None, {error.field: error.message}, 400)
    except Unstorable as error:  # forms name their fields as the command's event does
        return Attempt(None, {error.path.rpartition(".")[2]: correct(error.problem)}, 422)
    except DomainError as error:
        return Attempt(None, {"form": error.message}, domain_status(error))


@dataclass(frozen=True)
class View:
    """A page a form is sent from: its URL and query, its templates and what it shows."""

    url: str
    full: str
    fragment: str
    context: Callable[[], Awaitable[dict[str, Any]]]
    query: dict[str, str] = field(default_factory=dict)


async def settle(request: Request, reader: Reads, view: View, tried: Attempt, key: str,
                 form: Any) -> Response:
    """Without JS, back to the page once it shows the change; with htmx, its updated fragment.
    A refused or invalid form comes back with its values and the error next to its field,
    filed under ``key`` (the page may hold several forms); a form done, with ``saved`` its
    ``key``."""
    if tried.outcome and not wants_fragment(request):
        return Redirect(view.url, query_params={**view.query, "after": tried.outcome.position},
                        status_code=303)
    if tried.outcome:
        await caught_up(reader, tried.outcome.position)
    context = await view.context()
    if tried.outcome:  # the section it was done in stays open
        context["saved"] = key
    if tried.errors:
        context["errors"], context["values"] = {key: tried.errors}, {key: dict(form)}
    return page(request, view.full, context, view.fragment, tried.status)


def wants_fragment(request: Request) -> bool:
    return request.headers.get("HX-Request") == "true"


def page(request: Request, full: str, context: dict[str, Any], fragment: str | None = None,
         status_code: int = 200) -> Template:
    """The fragment alone for htmx, if the page has one; else the page, which includes it.
    Either way with the CSRF token its forms carry. The two answers of one URL vary by
    ``HX-Request``, so the back button never shows a cached fragment as the page."""
    context = {**context, "csrf_token": form_token(request, request.app.state.signer)}
    chosen = fragment if fragment and wants_fragment(request) else full
    return Template(chosen, context=context, status_code=status_code,
                    headers={"Vary": "HX-Request"})
