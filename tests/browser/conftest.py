"""A real server on a free local port and Debian's Chromium driven by Playwright, so the
pages are tried the way a phone uses them: cookies, redirects, CSP and scripts included.

Chromium comes from the system (``/usr/bin/chromium``), never from a download. Without it
the browser tests are skipped, except under CI=true, where a missing browser fails the run.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from uuid import UUID, uuid4

import pytest
import uvicorn

from goodwill.application import Goodwill
from goodwill.application.core import SYSTEM_ACTOR
from goodwill.bootstrap import bootstrap
from goodwill.http import create_app
from goodwill.settings import Settings
from goodwill.tokens import SIGN_IN_LINK, Keys
from tests.conftest import SECRET_KEY
from tests.scenario import Guest, Scenario

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic",
                 "--no-first-run"]
"""Without the networking flags Chromium keeps calling home, which this network refuses."""
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
"""Organizers set events up at a desk."""
TABLET = {"width": 1024, "height": 768}
"""Door staff check people in at one."""
GUESTS = ("Alice Archer", "Bob Baker")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
START_SECONDS = 15


class Links:
    """Sign-in links as the running server hands them out: a person's current link, or a
    new one once the last has signed a browser in (a link works once)."""

    def __init__(self) -> None:
        self.app = None

    def token(self, person_id: UUID) -> str:
        """What follows ``/s#`` in the personal link."""
        issued = self.app.issue_sign_in_link(SYSTEM_ACTOR, uuid4(), person_id)
        return Keys(SECRET_KEY).token(SIGN_IN_LINK, issued.result["credential_id"])


@dataclass
class Attendee:
    name: str
    guest: Guest
    links: Links

    @property
    def token(self) -> str:
        return self.links.token(self.guest.person_id)


@dataclass
class Organizer:
    """Someone who runs the event, its organizer or its door steward, signed in by link."""

    name: str
    person_id: UUID
    event_id: UUID
    links: Links

    @property
    def token(self) -> str:
        return self.links.token(self.person_id)


@dataclass
class LiveServer:
    url: str
    alice: Attendee
    bob: Attendee
    organizer: Organizer
    steward: Organizer
    """Sam Steward, the event's door staff."""
    guests: list[Attendee] = field(default_factory=list)
    """Every attendee seeded, Alice and Bob first."""
    served: list[str] = field(default_factory=list)
    """Every path the server was asked for, in order: what no cache answered."""


class Served:
    """The application, noting the path of each request that reaches it."""

    def __init__(self, app, paths: list[str]) -> None:
        self.app, self.paths = app, paths

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            self.paths.append(scope["path"])
        await self.app(scope, receive, send)


Story = Callable[[Goodwill, Scenario, list[Attendee]], None]
"""What happened at the event before the server opens, told through the commands."""


def seeded(settings: Settings, url: str, guests: tuple[str, ...], links: Links,
           story: Story | None = None) -> LiveServer:
    """An organizer, an event, its door steward and the named attendees, made through the
    application's commands before the server opens the same store; each of them signs in
    by link, minted by the server once it runs."""
    system = bootstrap(settings)
    try:
        scenario = Scenario(system.app)
        people = [Attendee(name, scenario.guest(name, company=f"{name} Ltd"), links)
                  for name in guests]
        steward = scenario.person("Sam Steward", "sam.steward@example.org")
        system.app.add_staff(scenario.organizer, uuid4(), scenario.conference_id, steward)
        if story:
            story(system.app, scenario, people)
        crew = [Organizer(name, person, scenario.conference_id, links)
                for name, person in (("Olga Organizer", scenario.organizer),
                                     ("Sam Steward", steward))]
        system.runner.catch_up()
    finally:
        system.close()
    return LiveServer(url, people[0], people[1], *crew, guests=people)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    yield from serving(tmp_path, GUESTS)


def serving(tmp_path: Path, guests: tuple[str, ...], database_url: str | None = None,
            story: Story | None = None) -> Iterator[LiveServer]:
    """uvicorn in a thread, on a socket bound to port 0 so parallel runs never collide,
    serving an event with the named attendees; on SQLite unless a database is named."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    settings = Settings(database_url=database_url or f"sqlite:///{tmp_path}/goodwill.db",
                        secret_key=SECRET_KEY, port=sock.getsockname()[1])
    links = Links()
    live = seeded(settings, settings.site_url, guests, links, story)
    app = create_app(settings)
    server = uvicorn.Server(uvicorn.Config(Served(app, live.served), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the server did not start")
        time.sleep(0.05)
    links.app = app.state.system.app
    try:
        yield live
    finally:
        server.should_exit = True
        thread.join(START_SECONDS)
        sock.close()


@pytest.fixture(scope="module")
def playwright():
    """Per module, so Playwright's own event loop is gone before other tests run."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (Debian package chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


def launch(playwright, *extra_args: str):
    """Debian's Chromium with the flags every test needs and those a test adds."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=[*CHROMIUM_ARGS, *extra_args], timeout=30_000)


@pytest.fixture(scope="module")
def browser(playwright):
    browser = launch(playwright)
    yield browser
    browser.close()


@pytest.fixture
def console() -> list[str]:
    """Console errors (CSP refusals, failed loads) and uncaught script errors of every page
    the test opened."""
    return []


def open_device(browser, base_url: str, console: list[str], viewport: dict[str, int],
                **options):
    """A fresh context of the screen's size (its own cookies) that reports into ``console``."""
    context = browser.new_context(base_url=base_url, viewport=viewport, **options)
    context.set_default_timeout(10_000)
    context.on("console", lambda m: m.type == "error"
               and console.append(f"{m.text} ({m.location['url']})"))
    context.on("weberror", lambda e: console.append(str(e.error)))
    return context


def open_phone(browser, base_url: str, console: list[str], **options):
    return open_device(browser, base_url, console, PHONE, **options)


@contextmanager
def devices(browser, live_server: LiveServer, console: list[str], viewport: dict[str, int]):
    """Opens a device per call, closed at the end; ``javascript=False`` for scripts off."""
    contexts = []

    def open_context(javascript: bool = True, **options):
        contexts.append(open_device(browser, live_server.url, console, viewport,
                                    java_script_enabled=javascript, **options))
        return contexts[-1]

    try:
        yield open_context
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def phone(browser, live_server: LiveServer, console: list[str]):
    with devices(browser, live_server, console, PHONE) as open_context:
        yield open_context


@pytest.fixture
def laptop(browser, live_server: LiveServer, console: list[str]):
    with devices(browser, live_server, console, LAPTOP) as open_context:
        yield open_context


@pytest.fixture
def screenshot():
    """Saves a full-page picture under test-artifacts/browser/, for a person to look at."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return lambda page, name: page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
