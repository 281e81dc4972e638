"""My contacts on a small phone after a busy event: sixty people met, fifty at a time with
More contacts, in name order with none twice, a search that narrows them as I type, and a
name that opens what passed between us."""

from __future__ import annotations

from uuid import uuid4

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import GUESTS, open_device, serving
from tests.browser.test_first_hour import SMALL_PHONE
from tests.browser.test_journey import sign_in

MET = 60


@pytest.fixture
def busy(tmp_path):
    """Alice scanned the badges of sixty guests, and gave the seventh advice."""
    def told(app, scenario, people) -> None:
        alice = people[0].guest.person_id
        for n in range(MET):
            guest = scenario.guest(f"Guest {n:03d}", company="Kiln Co")
            app.connect_by_badge(alice, uuid4(), guest.connect_code)
            if n == 7:
                app.give(alice, uuid4(), scenario.conference_id, alice, guest.person_id,
                         "advice", "Glaze suppliers")
    yield from serving(tmp_path, GUESTS, story=told)


def test_my_contacts_page_on_and_open_what_passed_between_us(browser, busy, console):
    context = open_device(browser, busy.url, console, SMALL_PHONE)
    page = sign_in(context, busy.alice, busy.url)
    page.get_by_role("navigation", name="Mine").get_by_role("link", name="Contacts").click()
    names = page.locator("ul.people > li > strong > a")
    expect(page.locator("#results")).to_contain_text(f"{MET} contacts")
    expect(names).to_have_count(50)
    page.get_by_role("link", name="More contacts").click()
    expect(names).to_have_count(MET)
    expect(page.get_by_role("link", name="More contacts")).to_have_count(0)
    shown = names.all_inner_texts()
    assert shown == sorted(shown) and len(set(shown)) == MET
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    page.get_by_label("Search my contacts by name or company").fill("Guest 007")
    expect(page.locator("#results")).to_contain_text("1 of my contacts matches")
    expect(page.locator("#results li")).to_contain_text(
        "I gave 0 (+1 unthanked) · received 0 · balance 0")
    names.first.click()
    expect(page.get_by_role("heading", name="Guest 007")).to_be_visible()
    expect(page.locator("#ledger")).to_contain_text("I gave advice: Glaze suppliers")
    context.close()
    assert not console
