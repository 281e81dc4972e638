"""The printable badge sheet: eight badges to a page, the page size the paper asks for, the
name on every badge and the company only where its wearer is listed in the directory, each
with the QR of their connect URL; a large event prints in parts."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest

from goodwill.application.core import SYSTEM_ACTOR
from goodwill.domain.attendee import Consent, Profile
from goodwill.http.pages.present.qr import qr_svg
from tests.web.pages import assert_page, browser, inlined

STATIC = Path(__file__).resolve().parents[2] / "web" / "static"
PAPER_SIZES = {"a4": "size: A4;", "letter": "size: letter;"}


@pytest.fixture
def sheet(summit):
    summit.url = f"/events/{summit.event_id}/badges"
    summit.as_organizer = browser(summit.api.headers(summit.organizer))
    return summit


def open_sheet(summit, **params) -> str:
    return assert_page(summit.api.client.get(summit.url, headers=summit.as_organizer,
                                             params={"after": summit.api.position, **params}))


def pages(html: str) -> list[list[str]]:
    """The names on each printed page, in order."""
    sheets = re.findall(r'<section class="sheet"[^>]*>(.*?)</section>', html, re.DOTALL)
    return [re.findall(r'<p class="name"><bdi>([^<]*)</bdi></p>', s) for s in sheets]


def register(summit, count: int) -> None:
    """Many attendees at once, through the application as an import would."""
    app = summit.api.system.app
    for n in range(count):
        person = app.register_person(SYSTEM_ACTOR, uuid.uuid4(), f"Guest{n:03}",
                                     f"guest{n:03}@example.org").result["person_id"]
        done = app.register_attendee(summit.organizer, uuid.uuid4(), uuid.UUID(summit.event_id),
                                     person,
                                     Profile(name=f"Guest{n:03}", company="Hidden Co"),
                                     Consent())
    summit.api.position = done.position


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_each_paper_has_its_page_size_and_eight_badges_to_a_page(sheet, paper):
    register(sheet, 15)
    html = open_sheet(sheet, paper=paper)
    assert inlined(html, f"paper-{paper}.css")
    assert PAPER_SIZES[paper] in (STATIC / f"paper-{paper}.css").read_text()
    assert [len(p) for p in pages(html)] == [8, 8, 1]
    assert pages(html)[0][:3] == ["Alice", "Bob", "Guest000"]
    assert "break-inside: avoid" in (STATIC / "badges.css").read_text()


def test_a_badge_shows_the_name_the_company_if_listed_and_the_connect_qr(sheet):
    sheet.guest("Carol", listed=False)
    html = open_sheet(sheet)
    badges = dict(re.findall(r'<article class="name-badge">\s*<div class="who"><p class="name">'
                             r'<bdi>([^<]*)</bdi></p>(.*?)</div>', html, re.DOTALL))
    assert badges["Alice"] == '<p class="company"><bdi>Alice Ltd</bdi></p>'
    assert badges["Carol"] == "", "Carol is not listed in the directory: no company"
    code = sheet.guests["Alice"]["connect_code"]
    assert str(qr_svg(f"http://testserver.local/c/{code}", "Badge of Alice")) in html


def test_revoked_tickets_and_forgotten_people_get_no_badge(sheet):
    api = sheet.api
    api.do(sheet.organizer, "/tickets/revoke", conference_id=sheet.event_id,
           ticket_code=sheet.guests["Bob"]["ticket_code"], reason="Refunded")
    sheet.guest("Carol")
    api.do(sheet.organizer, f"/events/{sheet.event_id}/attendees/{sheet.people['Carol']}/forget")
    assert pages(open_sheet(sheet)) == [["Alice"]]


def test_a_large_event_prints_in_parts(sheet):
    register(sheet, 199)
    first, second = open_sheet(sheet), open_sheet(sheet, part=2)
    assert [len(p) for p in pages(first)] == [8] * 25
    assert pages(second) == [["Guest198"]]
    assert "Part 1 of 2: badges 1–200." in first and "part=2" in first
    assert "Part 2 of 2: badge 201." in second and "part=1" in second
    missing = sheet.api.client.get(sheet.url, headers=sheet.as_organizer, params={"part": 3})
    assert missing.status_code == 404
    wrong = sheet.api.client.get(sheet.url, headers=sheet.as_organizer, params={"paper": "a3"})
    assert wrong.status_code == 400
