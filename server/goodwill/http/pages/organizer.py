"""The organizers' pages, on the page router (see :mod:`goodwill.http.pages.router`): the
console, tickets and sign-in links, the badge sheet, and the join page their join QR opens."""

from goodwill.http.pages import badges_page, console, event_console, join_page, tickets_page

HANDLERS = [*console.HANDLERS, *event_console.HANDLERS, *tickets_page.HANDLERS,
            *badges_page.HANDLERS, *join_page.HANDLERS]
