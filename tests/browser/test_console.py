"""An organizer runs their event from the console on a laptop, in a real browser: edits the
event, adds an entrance, invites a door device whose link signs a second browser in as that
device and sends it to the desk, opens self-registration and sees the join QR, revokes the
device (which signs the second browser out), and prints the badge sheet, whose PDF has
eight badges to a page of A4 or Letter. The pages pass axe-core's WCAG checks."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.steps import command, read
from tests.browser.test_accessibility import violations
from tests.browser.test_journey import sign_in

PAPERS = {"a4": "A4", "letter": "Letter"}
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}
"""Points, as a PDF's MediaBox gives a page's size."""
EXTRA_GUESTS = 10
"""With Alice and Bob, twelve badges: a full page of eight and one of four."""


def console_of(page: Page) -> Page:
    """From home to the event's console, as an organizer finds it."""
    page.locator("main").get_by_role("link", name="Console", exact=True).click()
    expect(page.get_by_role("heading", name="Event details")).to_be_visible()
    return page


def printed(page: Page) -> list[tuple[int, int]]:
    """The size of each page of the PDF Chromium prints, as the CSS's @page asks."""
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert len(boxes) == len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    return [(round(float(w)), round(float(h))) for w, h in boxes]


def test_an_organizer_sets_up_the_door_registration_and_badges(laptop, live_server, console,
                                                               screenshot):
    organizer = live_server.organizer
    context = laptop()
    page = console_of(sign_in(context, organizer, live_server.url))

    details = page.locator("#console-details")
    details.get_by_label("Venue").fill("Hall B, Congress Centre")
    details.get_by_label("Time zone").fill("Europe/Vienna")
    details.get_by_role("button", name="Save details").click()
    expect(details.get_by_role("status")).to_have_text("Details saved.")
    expect(page.locator("#console-details").get_by_label("Venue")).to_have_value(
        "Hall B, Congress Centre")

    lists = page.locator("#console-lists")
    lists.get_by_label("New entrance").fill("Rooftop bar")
    lists.get_by_role("button", name="Add entrance").click()
    expect(page.locator("#check-in-lists")).to_contain_text("Rooftop bar")

    devices = page.locator("#console-devices")
    devices.get_by_label("Device name").fill("Door 1 phone")
    devices.get_by_role("button", name="Invite device").click()
    link = page.get_by_label("Device link").input_value()
    assert re.fullmatch(rf"{live_server.url}/s#gwd_[\w-]+", link)
    expect(page.locator("#device-link-shown svg.qr")).to_be_visible()
    expect(page.locator("#console-device-list")).to_contain_text("Door 1 phone")

    door = laptop().new_page()
    door.goto(link)
    door.get_by_role("button", name="Sign in").click()
    door.wait_for_url(f"**/events/{organizer.event_id}/desk")
    expect(door.get_by_role("heading", name="Check-in desk")).to_be_visible()
    (invited,) = read(context, f"/events/{organizer.event_id}/devices")
    assert door.request.get("/auth/session").json()["person_id"] == invited["device_id"]
    assert door.request.get(f"/events/{organizer.event_id}/console").status == 403

    registration = page.locator("#console-registration")
    registration.get_by_role("button", name="Open registration").click()
    expect(page.locator("#registration-state")).to_contain_text("Open")
    code = page.locator("#join-code").inner_text()
    expect(page.get_by_label("Join page")).to_have_value(f"{live_server.url}/j/{code}")
    expect(page.locator("#console-registration svg.qr")).to_be_visible()
    screenshot(page, "console")

    listed = page.locator("#console-device-list")
    listed.get_by_role("button", name="Revoke Door 1 phone").click()
    expect(listed.get_by_role("cell", name="Revoked")).to_be_visible()
    expect(page.get_by_label("Device link")).to_have_count(0)
    assert door.request.get("/auth/session").status == 401

    for n in range(EXTRA_GUESTS):
        command(context, f"/events/{organizer.event_id}/attendees",
                email=f"guest{n:02}@example.org",
                profile={"name": f"Guest {n:02}", "company": "Kiln Co"},
                consent={"listed_in_directory": n % 2 == 0})
    for paper in ("a4", "letter"):
        page.goto("/")
        console_of(page).get_by_role("link", name=f"Badges to print ({PAPERS[paper]})").click()
        expect(page.locator(".name-badge")).to_have_count(2 + EXTRA_GUESTS)
        page.emulate_media(media="print")
        screenshot(page, f"badges-{paper}")
        assert printed(page) == [PAGE_SIZES[paper]] * 2, paper
        page.emulate_media(media="screen")
    assert not console


@pytest.mark.parametrize("path", ["console", "tickets", "tickets/{alice}", "badges?paper=letter",
                                  "join"])
def test_the_organizer_pages_and_the_join_page_pass_wcag_checks(laptop, live_server, path):
    """Without the CSP for this context only: axe-core is injected to check the page."""
    event = live_server.organizer.event_id
    context = laptop(bypass_csp=True)
    page = sign_in(context, live_server.organizer, live_server.url)
    if path == "join":
        command(context, f"/events/{event}/registration", join_code="SUMMIT-2026")
        page.goto("/j/SUMMIT-2026")
    else:
        page.goto(f"/events/{event}/" + path.format(alice=live_server.alice.guest.person_id))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert violations(page) == []
