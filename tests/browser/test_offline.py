"""A phone that loses the network keeps working: pages it opened come from the service
worker's copies, forms sent meanwhile wait on the phone, visibly, and go out once when the
network returns; what the server then refuses is shown, not dropped.

Chromium applies Playwright's offline emulation to the service worker's own fetches too, so
``set_offline`` is a real loss of network for the whole app, and going online again fires
the page's ``online`` event, which asks the worker to replay."""

from __future__ import annotations

import re
from collections import Counter

from playwright.sync_api import expect

from tests.browser.steps import command, controlled, met, open_mine, read, record
from tests.browser.test_journey import sign_in


def test_actions_taken_offline_wait_visibly_and_are_stored_once(phone, live_server, console,
                                                                screenshot):
    alice = live_server.alice
    _, page = met(phone, live_server)
    controlled(page)
    page.reload()  # now through the worker, which keeps a copy
    record(page, "Help given or received", {"Kind": "advice", "What it was": "Pricing tips"})
    expect(page.locator("#ledger")).to_contain_text("Pricing tips")
    context = page.context
    context.set_offline(True)
    page.reload()  # the copy's give form carries the command id the give above spent
    expect(page.get_by_role("heading", name=alice.name)).to_be_visible()
    record(page, "Help given or received", {"Kind": "resource", "What it was": "Offline supplier list"})
    record(page, "Note a need, goal or challenge", {"Kind": "need", "Note": "Offline: a kiln"})
    saved = page.get_by_role("status").filter(has_text="Saved on this phone")
    expect(saved).to_have_count(2)
    expect(page.locator("#pending")).to_have_text(re.compile(r"^2 pending"))
    screenshot(page, "offline-pending")

    context.set_offline(False)
    expect(page.locator("#pending")).to_be_empty()
    expect(page.get_by_role("status").filter(has_text="Sent.")).to_have_count(2)
    screenshot(page, "offline-sent")
    gives = read(context, f"/me/ledger/{alice.guest.person_id}")["gives"]
    assert Counter(g["note"] for g in gives) == {"Pricing tips": 1, "Offline supplier list": 1}
    notes = [e["detail"] for e in read(context, "/me/timeline")["entries"] if e["kind"] == "noted"]
    assert notes == [{"kind": "need", "text": "Offline: a kiln"}]
    page.reload()
    expect(page.locator("#ledger")).to_contain_text("Offline supplier list")
    expect(page.locator("#notes")).to_contain_text("need: Offline: a kiln")
    screenshot(page, "offline-synced")
    assert not console


def test_a_replay_the_server_refuses_is_shown(phone, live_server, console, screenshot):
    """Alice thanks Bob offline; before she is back, Bob retracts what he gave."""
    alice, bob = live_server.alice, live_server.bob
    alice_page, page = met(phone, live_server)
    record(page, "Help given or received", {"Kind": "advice", "What it was": "Pricing tips"})
    expect(page.locator("#ledger")).to_contain_text("Pricing tips")
    [give] = read(page.context, f"/me/ledger/{alice.guest.person_id}")["gives"]
    open_mine(alice_page, "Follow-ups")
    controlled(alice_page)
    alice_page.context.set_offline(True)
    alice_page.get_by_role("button", name=f"Thank {bob.name}").click()
    expect(alice_page.get_by_role("heading", name="Saved on this phone")).to_be_visible()
    expect(alice_page.locator("#pending")).to_have_text(re.compile(r"^1 pending"))
    command(page.context, f"/gives/{give['give_id']}/retract", reason="Wrong person")

    alice_page.context.set_offline(False)
    expect(alice_page.locator("#refusals")).to_have_text(
        "Not done (409): The giver has retracted this give.")
    expect(alice_page.locator("#pending")).to_be_empty()
    screenshot(alice_page, "offline-refused")
    thanked = [e for e in read(alice_page.context, "/me/timeline")["entries"]
               if e["kind"] == "thanked_by_me"]
    assert thanked == []
    assert not console


def test_actions_queued_when_the_session_ends_wait_for_the_next_sign_in(phone, live_server,
                                                                        console):
    """A session that ends while the phone is offline is no refusal: what was queued stays
    until the attendee signs in again, and then goes out once, under the new session."""
    alice, bob = live_server.alice, live_server.bob
    _, page = met(phone, live_server)
    controlled(page)
    page.reload()
    context = page.context
    context.set_offline(True)
    record(page, "Help given or received", {"Kind": "insight", "What it was": "Queued before sign-out"})
    expect(page.locator("#pending")).to_have_text(re.compile(r"^1 pending"))
    context.clear_cookies()
    context.set_offline(False)
    expect(page.locator("#pending")).to_have_text("1 pending: sign in again to send them")
    expect(page.locator("#refusals")).to_be_empty()

    sign_in(context, bob, live_server.url)
    expect(page.locator("#pending")).to_be_empty()
    gives = read(context, f"/me/ledger/{alice.guest.person_id}")["gives"]
    assert [g["note"] for g in gives] == ["Queued before sign-out"]
    assert not console


def test_a_repeat_visit_asks_the_server_for_the_page_alone(phone, live_server, console):
    """Styles come inside the page and scripts from the worker's copy, named by their
    content: a later visit, an hour or a week on, waits on the network for nothing else,
    even once the browser's own cache has let them go (emptied here). Without the worker
    their headers keep them a year: tests/web/test_pwa.py."""
    page = sign_in(phone(), live_server.alice, live_server.url)
    assert page.locator("link[rel=stylesheet]").count() == 0, "no stylesheet to wait for"
    controlled(page)
    page.context.new_cdp_session(page).send("Network.clearBrowserCache")
    live_server.served.clear()
    page.goto("/timeline")
    expect(page.get_by_role("heading", name="Timeline", exact=True)).to_be_visible()
    page.wait_for_function("() => window.htmx !== undefined")
    assert page.evaluate("getComputedStyle(document.querySelector('.bar')).backgroundColor") \
        == "rgb(27, 27, 31)", "painted with the app's styles"
    assert [p for p in live_server.served if p != "/sw.js"] == ["/timeline"]
    assert not console


def test_my_contacts_open_offline_once_seen(phone, live_server, console):
    """In the hall with no signal: the list of whom I met, seen once online, still opens."""
    alice = live_server.alice
    _, page = met(phone, live_server)
    controlled(page)
    page.goto("/")
    open_mine(page, "Contacts")
    expect(page.locator("#results")).to_contain_text(alice.name)
    page.context.set_offline(True)
    page.goto("/")
    open_mine(page, "Contacts")
    expect(page.locator("#results")).to_contain_text("1 contact")
    expect(page.get_by_role("link", name=alice.name)).to_be_visible()
    page.context.set_offline(False)
    assert not console
