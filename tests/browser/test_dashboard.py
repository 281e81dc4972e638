"""The organizers' live dashboard on a laptop: a check-in at the door shows on the open
dashboard within a poll, without a reload; with scripts off, its Refresh link shows it; and
it passes the WCAG checks."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from goodwill.http.pages.dashboard_page import POLL_SECONDS
from tests.browser.conftest import LAPTOP, open_device, open_phone
from tests.browser.steps import command
from tests.browser.test_accessibility import violations
from tests.browser.test_journey import post_sign_in, sign_in

POLL_MS = POLL_SECONDS * 1000


@pytest.fixture
def busy(browser, live_server, console):
    """Bob at the door and connected with Alice, who helped him and was thanked."""
    alice, bob, organizer = live_server.alice, live_server.bob, live_server.organizer
    at = {"conference_id": str(organizer.event_id)}
    contexts = {}
    for person in (alice, bob, organizer):
        contexts[person.name] = open_phone(browser, live_server.url, console)
        post_sign_in(contexts[person.name], person, live_server.url)
    check_in(contexts[organizer.name], organizer, bob)
    command(contexts[bob.name], "/connections/badge", connect_code=alice.guest.connect_code)
    give = command(contexts[alice.name], "/gives", **at, giver=str(alice.guest.person_id),
                   receiver=str(bob.guest.person_id), kind="advice", note="Pricing tips")
    command(contexts[bob.name], f"/gives/{give['give_id']}/thanks")
    yield contexts[organizer.name]
    for context in contexts.values():
        context.close()


def check_in(context, organizer, attendee) -> None:
    """The door scans the attendee's ticket, as a steward's device would."""
    command(context, "/tickets/check-in", conference_id=str(organizer.event_id),
            ticket_code=attendee.guest.ticket_code, list_key="main", device="door-1")


def figure(page: Page, label: str):
    return page.locator(f"dl.tallies dt:text-is('{label}') + dd")


def dashboard(context, live_server, javascript: bool = True) -> Page:
    """The organizer's dashboard, opened from a browser signed in by their link."""
    if javascript:
        page = sign_in(context, live_server.organizer, live_server.url)
    else:
        post_sign_in(context, live_server.organizer, live_server.url)
        page = context.new_page()
    page.goto(f"/events/{live_server.organizer.event_id}/dashboard")
    expect(page.get_by_role("heading", name="Reciprocity Summit: live dashboard")).to_be_visible()
    return page


def test_a_check_in_shows_on_the_open_dashboard_without_a_reload(browser, live_server, busy,
                                                                 console, screenshot):
    page = dashboard(open_device(browser, live_server.url, console, LAPTOP),
                     live_server)
    expect(figure(page, "Inside now")).to_have_text("1")
    expect(figure(page, "Confirmed by receivers")).to_have_text("100% 1 of 1 gives")
    reloads = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and reloads.append(frame))
    page.evaluate("window.openedOnce = true")
    check_in(busy, live_server.organizer, live_server.alice)
    expect(figure(page, "Inside now")).to_have_text("2", timeout=3 * POLL_MS)
    expect(figure(page, "Arrived")).to_have_text("2")
    expect(page.locator("#arrivals desc")).to_contain_text("2 arrivals in")
    assert not reloads and page.evaluate("window.openedOnce")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    expect(page.get_by_role("img", name="Arrivals per hour")).to_be_visible()
    screenshot(page, "dashboard")
    assert not console


def test_with_scripts_off_the_refresh_link_shows_a_check_in(browser, live_server, busy,
                                                            console):
    context = open_device(browser, live_server.url, console, LAPTOP,
                         java_script_enabled=False)
    page = dashboard(context, live_server, javascript=False)
    expect(figure(page, "Inside now")).to_have_text("1")
    check_in(busy, live_server.organizer, live_server.alice)
    page.get_by_role("link", name="Refresh").click()
    expect(figure(page, "Inside now")).to_have_text("2")
    assert not console


def test_the_dashboard_passes_wcag_checks(browser, live_server, busy, console):
    context = open_device(browser, live_server.url, console, LAPTOP, bypass_csp=True)
    page = dashboard(context, live_server)
    assert not violations(page)
