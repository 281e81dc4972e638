"""What every page form shares: its command id, and one URL answering a page or a fragment.

A form's command id is drawn when the page renders, so a double tap or a resent form is
one command; htmx asks for the same URL with ``HX-Request`` and gets only the part it swaps.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request
from litestar.exceptions import ValidationException
from litestar.response import Template

from goodwill.http.identity import form_token


def command_id(form: Any, field: str = "command_id") -> UUID:
    """A form that runs two commands carries a second id under another ``field``."""
    try:
        return UUID(str(form.get(field)))
    except ValueError:
        raise ValidationException(
            detail="The form lost its command id: reload the page.") from None


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
