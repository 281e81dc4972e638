"""The organizers' pages, on the page router (see :mod:`goodwill.http.pages`): the console,
tickets and sign-in links, and the badge sheet."""

from goodwill.http.controllers import badges_page, console, event_console, tickets_page

HANDLERS = [*console.HANDLERS, *event_console.HANDLERS, *tickets_page.HANDLERS,
            *badges_page.HANDLERS]
