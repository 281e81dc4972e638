"""The Litestar application: wiring done once at start-up, routes under /api/v1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from litestar import Litestar, Router
from litestar.config.compression import CompressionConfig
from litestar.datastructures import CacheControlHeader, State
from litestar.di import Provide
from litestar.openapi import OpenAPIConfig
from litestar.openapi.spec import Components
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.static_files import create_static_files_router
from litestar.template.config import TemplateConfig

from goodwill.application import Goodwill
from goodwill.bootstrap import bootstrap
from goodwill.http.core.actor import SCHEMES, acting_person, scanner
from goodwill.http.core.assets import STATIC, kept_asset, with_assets
from goodwill.http.api import (access, attendees, connections, dashboard, desk_api, erasure,
                               events, exports, gives, imports, introductions, join, me, notes,
                               people, promises, tickets)
from goodwill.http.core.bodies import CheckedRequest
from goodwill.http.core.defenses import security_headers
from goodwill.http.core.errors import EXCEPTION_HANDLERS
from goodwill.http.core.freshness import fresh_reader, stale_header
from goodwill.http.core.health import healthz, readyz
from goodwill.http.schemas.common import LONGEST
from goodwill.http.core.hosts import host_check
from goodwill.http.core.isolation import with_isolation
from goodwill.http.core.metrics import metrics
from goodwill.http.core.parameters import checked_parameters
from goodwill.http.pages import pwa, sessions
from goodwill.http.pages.router import page_router
from goodwill.http.core.problems import document_problems
from goodwill.settings import Settings
from goodwill.tokens import Keys

MAX_BODY_BYTES = 64 * 1024
"""Ample for the largest command (a full profile); anything bigger is refused unread."""
COMPRESSION = CompressionConfig(backend="gzip", gzip_compress_level=9, minimum_size=512)
"""Pages and the htmx bundle cross a crowded hall's Wi-Fi gzipped: a third of their size."""
CONTROLLERS = [events.EventController, people.PersonController, attendees.AttendeeController,
               tickets.TicketController, connections.ConnectionController,
               connections.ConnectionRequestController,
               gives.GiveController, introductions.IntroductionController,
               notes.NoteController, promises.PromiseController,
               dashboard.DashboardController, me.MeController, access.AccessController,
               erasure.ErasureController, exports.ExportController,
               imports.ImportController, desk_api.DeskController]


@asynccontextmanager
async def running(app: Litestar) -> AsyncIterator[None]:
    """Bootstraps the store once per process, and closes it whatever happens while serving.
    A web process that projects follows the log too; one that does not leaves that to
    ``goodwill project`` and only waits for it where a request asks to read its own write."""
    settings: Settings = app.state.settings
    system = await asyncio.to_thread(bootstrap, settings)
    try:
        await system.reader.open()
        system.start(app.state.projecting)
        app.state.system = system
        yield
    finally:
        await system.reader.close()
        await asyncio.to_thread(system.close)


def the_application(state: State) -> Goodwill:
    return state.system.app


def the_keys(state: State) -> Keys:
    return state.signer


DEPENDENCIES = {"goodwill": Provide(the_application, sync_to_thread=False),
                "keys": Provide(the_keys, sync_to_thread=False),
                "reader": Provide(fresh_reader), "actor": Provide(acting_person),
                "scanner": Provide(scanner)}


def for_pages(engine: JinjaTemplateEngine) -> None:
    with_isolation(engine)
    with_assets(engine)
    engine.engine.globals["longest"] = LONGEST


def create_app(settings: Settings, projecting: bool = True) -> Litestar:
    """Built from the given settings alone, so tests and the command line each bring their
    own; nothing touches the store until the lifespan starts. ``projecting``: whether this
    process keeps the read models too (see ``goodwill serve``)."""
    settings = settings.with_secret_key()
    api = Router("/api/v1", route_handlers=CONTROLLERS, dependencies=DEPENDENCIES,
                 security=[{"session": []}, {"device": []}])
    static = create_static_files_router("/static", directories=[STATIC], include_in_schema=False,
                                        cache_control=CacheControlHeader(no_cache=True))
    app = Litestar(
        route_handlers=[api, page_router(DEPENDENCIES), *sessions.HANDLERS, join.join,
                        static, kept_asset, *pwa.HANDLERS, healthz, readyz, metrics],
        lifespan=[running],
        state=State({"settings": settings, "signer": Keys(settings.secret_key),
                     "projecting": projecting}),
        exception_handlers=EXCEPTION_HANDLERS,
        middleware=[host_check(settings.trusted_hosts), stale_header],
        before_send=[security_headers],
        before_request=checked_parameters,
        request_max_body_size=MAX_BODY_BYTES,
        request_class=CheckedRequest,
        compression_config=COMPRESSION,
        template_config=TemplateConfig(directory=STATIC.parent / "templates",
                                       engine=JinjaTemplateEngine,
                                       engine_callback=for_pages),
        openapi_config=OpenAPIConfig(title="Goodwill", version="1", path="/schema",
                                     components=Components(security_schemes=SCHEMES)),
    )
    document_problems(app)
    return app
