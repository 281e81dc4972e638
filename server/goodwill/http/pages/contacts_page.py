"""My contacts as a page: everyone I am connected with at any event, by name, searchable and
a page at a time, each opening their contact page; the same rows as ``/api/v1/me/contacts``."""

from __future__ import annotations

from uuid import UUID

from litestar import Request, get
from litestar.params import FromQuery
from litestar.response import Template

from goodwill.http import event_days
from goodwill.http.pages.forms.common import page
from goodwill.http.core.markers import Actor, Reads, Search
from goodwill.projections import contacts

PAGE_SIZE = 50


@get("/contacts")
async def contacts_page(request: Request, reader: Reads, actor: Actor, q: Search = "",
                        following: FromQuery[UUID | None] = None) -> Template:
    """htmx asks for the next page (``following`` the last shown) and gets its rows alone."""
    rows = await contacts.contacts(reader, actor, q, PAGE_SIZE + 1, after=following)
    shown = [{**r, "met": event_days.local(r["met_at"], r["timezone"])}
             for r in rows[:PAGE_SIZE]]
    return page(request, "attendee/contacts.html", {
        "q": q, "contacts": shown, "count": await contacts.count(reader, actor, q),
        "more": rows[PAGE_SIZE - 1]["person_id"] if len(rows) > PAGE_SIZE else None},
        "attendee/_contacts_rows.html" if following else "attendee/_contacts_results.html")
