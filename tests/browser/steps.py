"""Steps the browser journeys share: meeting through a badge's page, recording on a
contact's page, waiting for the service worker, and asking the API what was stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import uuid4

from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as NotYet

from goodwill.http.core.identity import CSRF_COOKIE, CSRF_HEADER
from tests.browser.test_journey import post_sign_in, sign_in

CONTROLLED = """() => navigator.serviceWorker.controller !== null || new Promise((done) =>
  navigator.serviceWorker.addEventListener("controllerchange", () => done(true)))"""


def scan(page: Page, attendee, note: tuple[str, str] | None = None, screenshot=None) -> None:
    """Opens the attendee's badge URL and connects, with a quick note (kind, text) if given;
    ends on their contact page."""
    page.goto(f"/c/{attendee.guest.connect_code}")
    expect(page.get_by_role("heading", name=attendee.name)).to_be_visible()
    if note:
        page.get_by_label("Kind of note").select_option(note[0])
        page.get_by_label("Quick note (optional)").fill(note[1])
    if screenshot:
        screenshot(page, "connect-quick-note")
    page.get_by_role("button", name="Connect").click()
    expect(page.get_by_role("status")).to_have_text("Connected")
    page.get_by_role("link", name="Open contact page").click()
    expect(page.get_by_role("heading", name="Between us")).to_be_visible()


def signed_in(phone, attendee, base_url: str, javascript: bool) -> Page:
    """On their home page; without scripts the link's fragment is unread, so the sign-in
    form is posted for them."""
    if javascript:
        return sign_in(phone(), attendee, base_url)
    context = phone(javascript=False)
    post_sign_in(context, attendee, base_url)
    page = context.new_page()
    page.goto("/")
    return page


def met(phone, live_server, javascript: bool = True) -> tuple[Page, Page]:
    """Alice and Bob signed in on their own phones, Bob connected with Alice by her badge
    and looking at her contact page."""
    pages = [signed_in(phone, person, live_server.url, javascript)
             for person in (live_server.alice, live_server.bob)]
    scan(pages[1], live_server.alice)
    return pages[0], pages[1]


def open_mine(page: Page, link: str) -> None:
    """Follows the header's link to one of my pages, which every page offers."""
    page.get_by_role("navigation", name="Mine").get_by_role("link", name=link).click()


def record(page: Page, form: str, fields: dict[str, str | bool]) -> None:
    """Fills the contact page's form named ``form`` by its labels (True ticks a choice) and
    sends it with its one button, opening the section it waits in first."""
    found = page.get_by_role("form", name=form)
    closed = page.locator("details:not([open])",
                          has=page.get_by_role("form", name=form, include_hidden=True))
    if closed.count():  # a section of its own, opened as a person would
        closed.locator("summary").click()
    for label, value in fields.items():
        control = found.get_by_label(label, exact=True)
        if value is True:
            control.check()
        elif control.evaluate("e => e.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    found.locator("button[type=submit]").click()


CLAIM_MS = 5000


def controlled(page: Page) -> None:
    """Waits until the service worker controls the page, so its requests go through it. A
    page whose navigation began before the worker was active stays outside it (its claim
    finds the page not there yet), as in any browser, until it is loaded again."""
    try:
        page.wait_for_function(CONTROLLED, timeout=CLAIM_MS)
    except NotYet:
        page.reload()
        page.wait_for_function(CONTROLLED)


def read(context, path: str) -> Any:
    """The API's answer with this context's session cookie, as the phone's own reads."""
    answer = context.request.get(f"/api/v1{path}")
    assert answer.ok, answer.text()
    return answer.json()


def command(context, path: str, **body: Any) -> Any:
    """An API command with this context's session and its CSRF token, as a script sends it."""
    token = next(c["value"] for c in context.cookies() if c["name"] == CSRF_COOKIE)
    answer = context.request.post(f"/api/v1{path}", data={"command_id": str(uuid4()), **body},
                                  headers={CSRF_HEADER: token})
    assert answer.ok, answer.text()
    return answer.json()["result"]


def download(page: Page, link: str) -> str:
    """Clicks the download link named ``link`` and reads the file the browser saved."""
    with page.expect_download() as saving:
        page.get_by_role("link", name=link).first.click()
    return Path(saving.value.path()).read_text()
