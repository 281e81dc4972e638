"""The HTML pages: one module per page or group of pages, mounted on the page router
(:mod:`goodwill.http.pages.router`), sharing the API's dependencies and the application's
commands."""
