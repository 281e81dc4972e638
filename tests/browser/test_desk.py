"""The check-in desk in a real browser at a tablet's size, signed in as the event's door
steward: a keyboard-wedge scanner (Playwright typing a code and Enter as fast as it can),
the search, the red screen, undo, a spell without network and the sync after it, the
camera reading a ticket's QR, and the same desk with scripts off."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import Page, expect

from goodwill.domain.ids import ticket_id
from tests.browser.conftest import GUESTS, TABLET, devices, serving
from tests.browser.steps import read
from tests.browser.test_accessibility import violations
from tests.browser.test_journey import post_sign_in, sign_in
from tests.browser.test_scan import filming  # noqa: F401  (a fixture)

CROWD = GUESTS + tuple(f"Guest {n:02}" for n in range(1, 19))
OFFLINE = ("ERR_INTERNET_DISCONNECTED", "htmx:afterRequest", "htmx:sendError")
"""What Chromium logs for each request the desk tries while the network is gone, and what
htmx logs of a request the network cut (a search result asked again as the desk went
offline): a server's error answer is `htmx:responseError`, and still counts."""


@pytest.fixture
def crowd(tmp_path):
    """The event with twenty attendees."""
    yield from serving(tmp_path, CROWD)


@pytest.fixture
def tablet(browser, crowd, console):
    with devices(browser, crowd, console, TABLET) as open_context:
        yield open_context


def at_the_desk(page: Page, tickets: int) -> Page:
    """From home to the desk, once it keeps the event's list for offline."""
    page.get_by_role("link", name="Check-in desk").click()
    expect(page.get_by_role("heading", name="Check-in desk")).to_be_visible()
    expect(page.locator("#desk-state")).to_contain_text(f"{tickets} tickets kept for offline")
    expect(page.get_by_label(re.compile("^Ticket code"))).to_be_focused()
    return page


def errors(console: list[str]) -> list[str]:
    return [m for m in console if not any(sign in m for sign in OFFLINE)]


def test_a_wedge_scanner_typing_twenty_codes_fast_gets_one_answer_each(tablet, crowd,
                                                                       console):
    page = at_the_desk(sign_in(tablet(), crowd.steward, crowd.url), len(CROWD))
    for guest in crowd.guests:
        page.keyboard.type(guest.guest.ticket_code + "\n")
    log = page.locator("#desk-log li")
    expect(log).to_have_count(len(CROWD))
    expect(page.locator("#desk-log li.log-pending")).to_have_count(0)
    assert log.locator(".log-who").all_text_contents() == [g.name for g in
                                                           reversed(crowd.guests)]
    assert set(log.locator(".log-verdict").all_text_contents()) == {"Admitted"}
    expect(page.locator("#count-checked-in")).to_have_text(str(len(CROWD)))
    expect(page.get_by_label(re.compile("^Ticket code"))).to_be_focused()
    assert not errors(console)


def test_the_steward_admits_refuses_undoes_and_keeps_going_offline(tablet, crowd, console,
                                                                   screenshot):
    alice, bob, carol, dan = crowd.guests[:4]
    context = tablet()
    page = at_the_desk(sign_in(context, crowd.steward, crowd.url), len(CROWD))
    answer, state = page.locator("#answer"), page.locator("#desk-state")
    checked_in = page.locator("#count-checked-in")

    page.keyboard.type(alice.guest.ticket_code + "\n")
    expect(answer).to_have_class(re.compile("answer-checked_in"))
    expect(answer).to_contain_text("Admitted")
    expect(answer.locator(".who")).to_have_text("Alice Archer Alice Archer Ltd")
    screenshot(page, "desk-green")

    page.get_by_label("Find by name, or by the whole email address").fill("Bob")
    page.get_by_role("button", name="Check in Bob Baker").click()
    expect(answer.locator(".who")).to_contain_text("Bob Baker")
    expect(checked_in).to_have_text("2")

    page.keyboard.type(alice.guest.ticket_code + "\n")
    expect(answer).to_have_class(re.compile("answer-refused"))
    expect(answer).to_contain_text("Not admitted")
    device = page.locator("#desk-state .device").inner_text()
    expect(answer.locator(".why")).to_have_text(re.compile(
        rf"^Already checked in at \d\d:\d\d at Main entrance by device {device}\.$"))
    screenshot(page, "desk-red")

    page.get_by_role("button", name="Undo the check-in of Bob Baker").click()
    expect(answer).to_contain_text("Check-in undone: Bob Baker is not checked in here now.")
    expect(checked_in).to_have_text("1")

    context.set_offline(True)
    expect(state).to_contain_text("Offline")
    for guest in (carol, dan, alice):
        page.keyboard.type(guest.guest.ticket_code + "\n")
    expect(answer).to_contain_text("Not admitted")  # Alice: decided here, in the same words
    expect(answer.locator(".why")).to_have_text(re.compile(
        rf"^Already checked in at \d\d:\d\d at Main entrance by device {device}\.$"))
    expect(state).to_contain_text("2 queued")
    expect(checked_in).to_have_text("3")
    queued = page.locator("#desk-log li").filter(has_text="Queued on this device")
    expect(queued).to_have_count(2)
    expect(answer).to_be_hidden()
    screenshot(page, "desk-offline")

    context.set_offline(False)
    expect(state).to_contain_text("Nothing queued")
    expect(state).to_contain_text("Online")
    expect(page.locator("#desk-log li").filter(has_text="Sent")).to_have_count(2)
    expect(checked_in).to_have_text("3")
    screenshot(page, "desk-synced")

    organizer = tablet()
    post_sign_in(organizer, crowd.organizer, crowd.url)
    event = crowd.organizer.event_id
    scans = Counter((row["ticket_id"], row["direction"], row["device"])
                    for row in read(organizer, f"/events/{event}/scan-log"))
    ids = {guest.name: str(ticket_id(guest.guest.ticket_code)) for guest in crowd.guests}
    assert scans == Counter({(ids[g.name], "in", device): 1 for g in (alice, carol, dan)}
                            | {(ids[bob.name], "in", device): 1,
                               (ids[bob.name], "undo", device): 1})
    assert read(organizer, f"/events/{event}/check-in-conflicts") == []
    assert not errors(console)


def test_two_desks_admitting_one_ticket_offline_sync_to_one_check_in_and_a_conflict(
        tablet, crowd, console):
    carol = crowd.guests[2]
    desks = [at_the_desk(sign_in(tablet(), person, crowd.url), len(CROWD))
             for person in (crowd.steward, crowd.organizer)]
    devices = [page.locator("#desk-state .device").inner_text() for page in desks]
    assert devices[0] != devices[1]
    for page in desks:
        page.context.set_offline(True)
        expect(page.locator("#desk-state")).to_contain_text("Offline")
        page.keyboard.type(carol.guest.ticket_code + "\n")
        expect(page.locator("#answer")).to_contain_text("Admitted")
        expect(page.locator("#desk-state")).to_contain_text("1 queued")
    for page in desks:
        page.context.set_offline(False)
        expect(page.locator("#desk-state")).to_contain_text("Nothing queued")
    second = desks[1].locator("#desk-log li")
    expect(second).to_have_class("log-conflict")
    expect(second).to_contain_text("Admitted, conflict recorded")
    expect(second).to_contain_text("already checked in at ")
    expect(second).to_contain_text(f"by device {devices[0]}: conflict recorded for the organizers")
    expect(desks[0].locator("#desk-log li")).to_have_class("log-checked_in")
    [conflict] = read(desks[1].context, f"/events/{crowd.organizer.event_id}/check-in-conflicts")
    assert (conflict["ticket_id"], conflict["device"], conflict["first_device"]) == (
        str(ticket_id(carol.guest.ticket_code)), devices[1], devices[0])
    counts = read(desks[1].context, f"/events/{crowd.organizer.event_id}/check-ins")
    assert counts["main"] == {"checked_in": 1, "inside": 1}
    assert not errors(console)


def test_the_desk_works_with_scripts_off(tablet, crowd, console):
    context = tablet(javascript=False)
    post_sign_in(context, crowd.steward, crowd.url)
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Check-in desk").click()
    field = page.get_by_label(re.compile("^Ticket code"))
    field.fill(crowd.alice.guest.ticket_code)
    field.press("Enter")
    expect(page.locator("#answer")).to_contain_text("Admitted")
    page.get_by_role("button", name="Undo this check-in").click()
    expect(page.locator("#answer")).to_contain_text("Check-in undone: Alice Archer")
    search = page.get_by_label("Find by name, or by the whole email address")
    search.fill("bob.baker@example.org")
    search.press("Enter")
    page.get_by_role("button", name="Check in Bob Baker").click()
    expect(page.locator("#answer .who")).to_contain_text("Bob Baker")
    expect(page.locator("#count-checked-in")).to_have_text("1")
    assert not console


def test_the_desk_passes_wcag_checks_and_has_thumb_sized_targets(tablet, crowd):
    page = at_the_desk(sign_in(tablet(bypass_csp=True), crowd.steward, crowd.url), len(CROWD))
    page.get_by_label("Find by name, or by the whole email address").fill("Guest 0")
    expect(page.locator("#results li")).to_have_count(9)
    assert violations(page) == []
    page.get_by_label(re.compile("^Ticket code")).focus()
    page.keyboard.type("NOT-A-TICKET\n")
    expect(page.locator("#answer")).to_contain_text("Unknown ticket code.")
    assert violations(page) == []


def test_the_camera_reads_a_tickets_qr(filming, live_server, console):  # noqa: F811
    """With jsQR, as on a phone whose browser has no QR reader of its own."""
    context = filming(live_server.alice.guest.ticket_code)
    context.add_init_script("delete window.BarcodeDetector;")
    page = at_the_desk(sign_in(context, live_server.steward, live_server.url), 2)
    page.get_by_role("button", name="Start camera").click()
    expect(page.locator("#answer")).to_contain_text("Alice Archer")
    expect(page.locator("#answer")).to_contain_text("Admitted")
    expect(page.locator("#desk-log li")).to_have_count(1)  # held in view: one scan
    assert not errors(console)
