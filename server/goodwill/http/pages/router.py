"""The attendee's pages: HTML for a phone, under the same rules as the API.

They take the API's dependencies (the acting person, a reader caught up with ``after``),
but a refusal is a page a person can read, with the same status the API would send.
"""

from __future__ import annotations

import time
from http import HTTPStatus

from litestar import Request, Router
from litestar.exceptions import HTTPException, ValidationException
from litestar.response import Template

from goodwill.domain.errors import DomainError
from goodwill.http.pages import (badge, browse, contact_page, contacts_page, dashboard_page,
                                 desk_page, downloads, event_page, exports_page,
                                 followups_page, give_page, home, import_page, introduce_page,
                                 meet, my_data, organizer, profile_page, scan,
                                 suggestions_page)
from goodwill.http.core.errors import domain_status
from goodwill.http.core.identity import CSRF_REFUSED, SESSION_COOKIE
from goodwill.http.core.parameters import checked_parameters
from goodwill.http.core.validation import describe, field_errors
from goodwill.projections import directory


def plain(status: int, detail: str) -> str:
    """What a page says instead of words meant for API clients (headers, bearer tokens)."""
    if status == 401:
        return "You are not signed in here."
    if detail == CSRF_REFUSED:
        return ("This form was open too long, or came from another site: reload the page and"
                " send it again.")
    return detail


ASKED = {"q": "the search", "code": "the code", "paper": "the paper", "part": "the part",
         "list": "the entrance", "direction": "the direction", "device": "the device's name",
         "day": "the day", "following": "the next page of the list", "section": "the section"}
"""A page's query, named as its forms and links ask for it: never by a parameter's name."""
TITLES = {400: "Please check what you sent", 401: "Please sign in", 403: "Not for you",
          404: "Nothing here"}


def refusal_page(_: Request, error: HTTPException | DomainError) -> Template:
    if isinstance(error, DomainError):
        status, detail = domain_status(error), error.message
    elif isinstance(error, ValidationException):
        status, detail = 400, describe(field_errors(error.extra), ASKED)
    else:
        status, detail = error.status_code, plain(error.status_code, error.detail)
    return Template("problem.html", status_code=status, headers=getattr(error, "headers", None),
                    context={"status": status, "detail": detail,
                             "title": TITLES.get(status, HTTPStatus(status).phrase)})


async def before_a_page(request: Request) -> None:
    """A page's query checked like any route's; and whether the top bar offers the organizer
    console: to a session whose person organizes (signature checked, one indexed read)."""
    await checked_parameters(request)
    cookie = request.cookies.get(SESSION_COOKIE)
    session = cookie and request.app.state.signer.session_of(cookie, int(time.time()))
    request.state.organizer = bool(session) and await directory.is_organizer(
        request.app.state.system.reader, session.person_id)


def page_router(dependencies: dict) -> Router:
    return Router("/", route_handlers=[home.home, badge.badge, meet.connect_page, meet.connect,
                                       *browse.HANDLERS, contacts_page.contacts_page,
                                       *event_page.HANDLERS,
                                       *contact_page.HANDLERS,
                                       *give_page.HANDLERS, *introduce_page.HANDLERS,
                                       *followups_page.HANDLERS, *downloads.HANDLERS,
                                       *suggestions_page.HANDLERS,
                                       *profile_page.HANDLERS, *my_data.HANDLERS, scan.scan_page,
                                       exports_page.exports_page, *import_page.HANDLERS,
                                       dashboard_page.dashboard_page, *organizer.HANDLERS,
                                       *desk_page.HANDLERS],
                  dependencies=dependencies, include_in_schema=False,
                  before_request=before_a_page,
                  exception_handlers=dict.fromkeys((HTTPException, ValidationException,
                                                    DomainError), refusal_page))
