"""Proof of meeting on phones: a badge scan connects at once, a request from the directory
connects once the other accepts, and an introduction once both accept, which confirms the
introducer's gives. Each person acts on their own phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import GUESTS, serving
from tests.browser.steps import open_mine, read, scan
from tests.browser.test_journey import sign_in

WHY = "Both fire kilns with wood"


@pytest.fixture
def live_server(tmp_path):
    """Alice, Bob and Carol at one event."""
    yield from serving(tmp_path, (*GUESTS, "Carol Cole"))


def answer_on_follow_ups(page: Page, section: str, text: str, button: str = "Accept") -> None:
    open_mine(page, "Follow-ups")
    waiting = page.locator(f"#{section}")
    expect(waiting).to_contain_text(text)
    waiting.get_by_role("button", name=re.compile(rf"^{button}\b(?! and block)")).click()
    expect(page.locator(f"#{section}")).not_to_contain_text(text)


def test_a_scan_a_request_and_an_introduction_each_connect_only_with_both_sides(
        phone, live_server, console, screenshot):
    alice, bob, carol = live_server.guests
    a, b, c = (sign_in(phone(), person, live_server.url) for person in (alice, bob, carol))

    scan(a, bob)  # one step: the badge is the proof

    a.goto("/")
    a.get_by_role("link", name="Directory").click()
    a.get_by_role("button", name=f"Ask {carol.name} to connect").click()
    expect(a.get_by_text("Asked to connect")).to_be_visible()
    c.reload()
    expect(c.locator("dl.glance")).to_contain_text("Asked to connect 1 waiting for my answer")
    screenshot(c, "home-asked-to-connect")
    answer_on_follow_ups(c, "requests", f"{alice.name} (Alice Archer Ltd) asked to connect")

    a.goto(f"/introduce?a={bob.guest.person_id}")
    a.get_by_label("to", exact=True).select_option(label=carol.name)
    a.get_by_label("Why they should meet").fill(WHY)
    a.get_by_role("button", name="Introduce").click()
    expect(a.get_by_role("status")).to_have_text(f"I introduced {bob.name} to {carol.name}.")
    for page, other in ((b, carol), (c, bob)):
        assert read(page.context, f"/me/ledger/{alice.guest.person_id}")["received"] == {
            "confirmed": 0, "unconfirmed": 1}
        answer_on_follow_ups(page, "introductions",
                             f"{alice.name} introduced you to {other.name}: {WHY}")
    screenshot(c, "follow-ups-introduction-accepted")

    c.goto(f"/contacts/{bob.guest.person_id}")
    expect(c.get_by_role("heading", name="Between us")).to_be_visible()
    a.goto(f"/contacts/{bob.guest.person_id}")
    expect(a.locator("#introductions")).to_contain_text("Both accepted: they are connected.")
    open_mine(a, "Timeline")
    story = a.locator("main")
    expect(story).to_contain_text("My introduction connected them")
    for other in (bob, carol):
        accepted = story.locator("li", has_text="Accepted my introduction")
        expect(accepted.filter(has_text=other.name)).to_have_count(1)
        assert read(a.context, f"/me/ledger/{other.guest.person_id}")["given"] == {
            "confirmed": 1, "unconfirmed": 0}
    screenshot(a, "timeline-introduction-confirmed")
    assert not console
