"""The first hour on a phone and at a laptop, before and after signing in: a welcome that is
not an error, and refusals in plain words that say the way forward, with no navigation that
leads only to more refusals."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import GUESTS, LAPTOP, open_device, serving
from tests.browser.test_accessibility import AXE, WCAG
from tests.browser.test_journey import sign_in

SMALL_PHONE = {"width": 360, "height": 740}


@pytest.mark.parametrize("screen", [SMALL_PHONE, LAPTOP], ids=["360px", "1280px"])
def test_a_newcomer_is_welcomed_and_told_how_to_sign_in(browser, live_server, console,
                                                        screenshot, screen):
    context = open_device(browser, live_server.url, console, screen, bypass_csp=True)
    page = context.new_page()
    page.goto("/")
    expect(page).to_have_title("Goodwill")
    expect(page.get_by_role("heading", name="Welcome to Goodwill")).to_be_visible()
    expect(page.get_by_role("navigation", name="Mine")).to_have_count(0)
    page.add_script_tag(path=str(AXE))
    assert page.evaluate("(tags) => axe.run(document, {runOnly: tags})"
                         ".then((r) => r.violations.map((v) => v.id))", WCAG) == []
    screenshot(page, f"welcome-{screen['width']}")
    page.get_by_role("link", name="Lost your link?").click()
    expect(page.get_by_role("heading", name="Lost your sign-in link?")).to_be_visible()

    answer = page.goto("/follow-ups")
    assert answer.status == 401
    expect(page).to_have_title("Please sign in · Goodwill")
    expect(page.locator("main")).to_contain_text("You are not signed in here.")
    expect(page.locator("main")).not_to_contain_text("Bearer")
    expect(page.get_by_role("navigation", name="Mine")).to_have_count(0)
    screenshot(page, f"please-sign-in-{screen['width']}")
    context.close()
    assert not [c for c in console if "401" not in c]


@pytest.fixture
def crowd(tmp_path):
    """Alice, Bob and 118 more, all listed, with one whose company has a literal %."""
    def told(app, scenario, people) -> None:
        for n in range(118):
            scenario.guest(f"Guest {n:03d}", company="100% Kiln" if n == 7 else "Kiln Co")
    yield from serving(tmp_path, GUESTS, story=told)


@pytest.mark.parametrize("screen", [SMALL_PHONE, LAPTOP], ids=["360px", "1280px"])
def test_the_directory_of_a_crowd_pages_on_and_opens_profiles(browser, crowd, console, screen):
    context = open_device(browser, crowd.url, console, screen)
    page = sign_in(context, crowd.alice, crowd.url)
    page.goto(f"/events/{crowd.organizer.event_id}/directory")
    names = page.locator("ul.people > li > strong > a")
    expect(page.locator("#results")).to_contain_text("120 people listed")
    expect(names).to_have_count(50)
    page.get_by_role("link", name="More people").click()
    expect(names).to_have_count(100)
    page.get_by_role("link", name="More people").click()
    expect(names).to_have_count(120)
    expect(page.get_by_role("link", name="More people")).to_have_count(0)
    shown = names.all_inner_texts()
    assert shown == sorted(shown) and len(set(shown)) == 120
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    page.get_by_label("Search by name, company, offers or needs").fill("100%")
    expect(page.locator("#results")).to_contain_text("1 person matches")
    expect(names).to_have_text(["Guest 007"])
    names.first.click()
    expect(page.get_by_role("heading", name="Guest 007")).to_be_visible()
    expect(page.get_by_role("button", name="Ask Guest 007 to connect")).to_be_visible()
    context.close()
    assert not console
