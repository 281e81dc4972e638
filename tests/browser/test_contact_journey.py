"""After the scan: two attendees keep track of what passes between them on a phone-sized
screen. A quick note goes in with the connection, a give is thanked, a need noted, a promise
lands in the calendar and the contact in the address book. Scripts off, every form still
posts and the next page shows the change."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import vobject
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.steps import download, met, open_mine, read, record, scan
from tests.browser.test_journey import sign_in


def test_scanning_a_badge_connects_with_a_quick_note(phone, live_server, console,
                                                     screenshot):
    alice, bob = live_server.alice, live_server.bob
    alice_page = sign_in(phone(), alice, live_server.url)
    alice_page.get_by_role("link", name="My badge").click()
    expect(alice_page.locator("figure.badge .code")).to_have_text(alice.guest.connect_code)
    page = sign_in(phone(), bob, live_server.url)
    scan(page, alice, ("need", "Looking for a kiln"), screenshot)
    expect(page.locator("#notes")).to_contain_text("need: Looking for a kiln")
    screenshot(page, "contact-after-connect")
    entries = read(page.context, "/me/timeline")["entries"]
    assert Counter(e["kind"] for e in entries) == {"connected": 1, "noted": 1}
    assert [e["detail"] for e in entries if e["kind"] == "noted"] == [
        {"kind": "need", "text": "Looking for a kiln"}]
    assert not console


def test_a_give_is_thanked_a_need_noted_and_a_promise_reminded(phone, live_server, console,
                                                               screenshot):
    alice, bob = live_server.alice, live_server.bob
    alice_page, page = met(phone, live_server)
    record(page, "Help given or received", {"Kind": "advice", "What it was": "Pricing tips"})
    expect(page.locator("#ledger")).to_contain_text("I gave advice: Pricing tips")
    record(page, "Note a need, goal or challenge", {"Kind": "need", "Note": "A glaze supplier"})
    expect(page.locator("#notes")).to_contain_text("need: A glaze supplier")
    due = datetime.now(timezone.utc).date() + timedelta(days=3)
    record(page, "Promise a follow-up", {"What I will do": "Send the deck",
                                         "Due": due.isoformat()})
    expect(page.locator("#promises")).to_contain_text(f"I promised: Send the deck · due {due}")
    screenshot(page, "contact")

    open_mine(alice_page, "Follow-ups")
    expect(alice_page.locator("#thanks")).to_contain_text("Bob Baker gave you advice")
    alice_page.get_by_role("button", name=f"Thank {bob.name}").click()
    expect(alice_page.locator("#thanks")).to_contain_text("Everyone has been thanked.")
    screenshot(alice_page, "follow-ups-thanked")
    ledger = read(page.context, f"/me/ledger/{alice.guest.person_id}")
    assert [(g["note"], g["status"]) for g in ledger["gives"]] == [("Pricing tips", "thanked")]
    open_mine(page, "Timeline")  # the thanks names the give, whose page shows it
    thanked = page.locator("#timeline li", has_text="Thanked me")
    thanked.get_by_role("link", name="advice: Pricing tips").click()
    expect(page.locator("#thanks")).to_contain_text(f"{alice.name} thanked me on")

    open_mine(page, "Follow-ups")
    expect(page.locator("#due")).to_contain_text(f"Send the deck for {alice.name}, due {due}")
    screenshot(page, "follow-ups")
    assert_reminder(download(page, "Add reminder"), due, f"Promised to {alice.name}: Send the deck")
    page.get_by_role("button", name=re.compile("^Mark “ ?Send the deck ?” kept$")).click()
    expect(page.locator("#due")).to_contain_text("Nothing due soon.")
    expect(page.get_by_role("link", name="Add reminder")).to_have_count(0)
    alice_page.goto(f"/contacts/{bob.guest.person_id}")
    expect(alice_page.locator("#promises")).to_contain_text(
        f"{bob.name} promised me: Send the deck · kept")
    page.goto(f"/contacts/{alice.guest.person_id}")
    expect(page.locator("#promises")).to_contain_text("I promised: Send the deck · kept")
    assert_consented_card(download(page, "Save contact"), alice)
    open_mine(page, "My data")
    expect(page.locator("#word")).to_contain_text("100% kept: 1 of the 1 promise")
    assert not console


def assert_reminder(text: str, due: date, summary: str) -> None:
    calendar = Calendar.from_ical(text)
    assert calendar.name == "VCALENDAR" and calendar["VERSION"] == "2.0"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == due and event.decoded("DTEND") == due + timedelta(1)
    assert str(event["SUMMARY"]) == summary


def assert_consented_card(text: str, attendee) -> None:
    """Alice lists herself in the directory but keeps her email from her connections."""
    card = vobject.readOne(text)
    assert card.name == "VCARD" and card.fn.value == attendee.name
    assert card.org.value == [f"{attendee.name} Ltd"]
    assert set(card.contents) == {"version", "fn", "org"}
    assert "@" not in text


def test_the_pages_work_with_scripts_off(phone, live_server, console, screenshot):
    alice, bob = live_server.alice, live_server.bob
    alice_page, page = met(phone, live_server, javascript=False)
    record(page, "Help given or received", {"Kind": "resource", "What it was": "A kiln supplier"})
    expect(page).to_have_url(re.compile(rf"/contacts/{alice.guest.person_id}\?after=\d+$"))
    expect(page.locator("#ledger")).to_contain_text("I gave resource: A kiln supplier")
    screenshot(page, "contact-no-js")

    open_mine(alice_page, "Follow-ups")
    alice_page.get_by_role("button", name=f"Thank {bob.name}").click()
    expect(alice_page).to_have_url(re.compile(r"/follow-ups\?after=\d+$"))
    expect(alice_page.locator("#thanks")).to_contain_text("Everyone has been thanked.")
    screenshot(alice_page, "follow-ups-no-js")

    open_mine(page, "Timeline")
    expect(page.locator("#timeline")).to_contain_text("A kiln supplier")
    expect(page.locator("#timeline")).to_contain_text(f"Connected · {alice.name}")
    screenshot(page, "timeline-no-js")

    page.goto("/")
    page.get_by_role("link", name="Directory").click()
    page.get_by_label("Search by name, company, offers or needs").fill("Archer")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/directory\?q=Archer$"))
    expect(page.locator("#results li")).to_have_count(1)
    expect(page.locator("#results")).to_contain_text(alice.name)
    screenshot(page, "directory-no-js")
    assert not console


def test_the_timeline_and_directory_with_scripts_on(phone, live_server, console, screenshot):
    """htmx swaps the search results while typing; the timeline shows what was recorded."""
    alice = live_server.alice
    _, page = met(phone, live_server)
    open_mine(page, "Timeline")
    expect(page.locator("#timeline")).to_contain_text(f"Connected · {alice.name}")
    screenshot(page, "timeline")
    page.goto("/")
    page.get_by_role("link", name="Directory").click()
    expect(page.locator("#results li")).to_have_count(2)
    page.get_by_label("Search by name, company, offers or needs").fill("Archer")
    expect(page.locator("#results li")).to_have_count(1)
    expect(page).not_to_have_url(re.compile(r"q=Archer"))
    screenshot(page, "directory")
    assert not console
