"""Every page, as an attendee, an organizer, door staff and a stranger see it, at a small
phone and at a laptop, with names and notes typed in Arabic, in Hebrew and with a
right-to-left override (U+202E): whatever people typed is isolated, so it can reorder only
itself and never the words, numbers and buttons around it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from uuid import uuid4

import pytest
from playwright.sync_api import Page

from goodwill.domain.attendee import Consent, Profile
from tests.browser.conftest import LAPTOP, Attendee, open_device, serving
from tests.browser.steps import command
from tests.browser.test_accessibility import violations
from tests.browser.test_first_hour import SMALL_PHONE
from tests.browser.test_journey import sign_in
from tests.scenario import Guest
from tests.ticketing import pretix_csv, pretix_row

RLO = "\u202e"
TYPED = {
    "mallory": ("Mallory " + RLO + "gnp.exe", Profile(
        name="", company="Acme " + RLO + "Ltd", role="מעצבת", offers="مراجعة " + RLO + "UX",
        needs="a " + RLO + "designer")),
    "layla": ("ليلى حداد", Profile(name="", company="شركة 42", role="مؤسسة",
                                    offers="تعريفات", needs="מימון")),
    "noa": ("נועה כהן", Profile(name="", company="כהן בע״מ", role="מהנדסת", offers="ייעוץ",
                                 needs="عملاء")),
    "yosef": ("יוסף " + RLO + "42", Profile(name="", company="Kiln " + RLO + "Co")),
}
"""Everyone's typed text holds a right-to-left letter or the override, so the check below
finds every place it is shown."""
TYPED_TEXT = r"[\u202a-\u202e\u2066-\u2069\u0590-\u08ff]"
NOT_ISOLATED = r"""(typed) => {
  const found = [], texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    const at = n.parentElement;
    if (new RegExp(typed).test(n.data) && !at.closest("bdi, option, textarea, script, title"))
      found.push(`${at.tagName.toLowerCase()}: ${n.data.trim().slice(0, 40)}`);
  }
  return found;
}"""
"""Typed text outside a ``<bdi>``; a field's own text (option, textarea) and a picture's name
(an SVG title) are shown apart."""
REORDERED = r"""() => [...document.querySelectorAll("bdi")].flatMap((bdi) => {
  const next = bdi.nextSibling, rects = bdi.getClientRects();
  if (!rects.length || !next || next.nodeType !== Node.TEXT_NODE || !next.data.trim())
    return [];
  const range = document.createRange(), first = next.data.search(/\S/);
  range.setStart(next, first);
  range.setEnd(next, first + 1);
  const own = rects[rects.length - 1], after = range.getBoundingClientRect();
  const sameLine = Math.abs(after.top - own.top) < own.height / 2;
  return sameLine && after.left < own.right - 1
    ? [`"${next.data.trim().slice(0, 20)}" shown before ${bdi.textContent}`] : [];
})"""
"""Text that follows typed text but is drawn to its left: the override leaked out."""
TOO_WIDE = """() => {
  const over = (e) => e.getBoundingClientRect().right > innerWidth + 0.5;
  return document.documentElement.scrollWidth <= innerWidth ? [] :
    [...document.body.querySelectorAll("*")].filter((e) => over(e) && !over(e.parentElement))
      .slice(0, 3).map((e) => `scrolls sideways: <${e.tagName.toLowerCase()}`
                                + ` class="${e.getAttribute("class") || ""}"> is too wide`);
}"""
"""The page is wider than the screen: the outermost elements that stick out."""


def story(facts: dict):
    """Mallory met Layla and Noa and introduced them; Layla helped Mallory, who thanked her
    and promised her something back, and referred someone to her, not yet thanked; Yosef is
    in the directory, not yet met. Each wrote in their own script, and the event's name and
    venue mix scripts too."""

    def told(app, scenario, people: list[Attendee]) -> None:
        event, olga = scenario.conference_id, scenario.organizer
        app.change_details(olga, uuid4(), event, "قمة Reciprocity Summit", date(2026, 11, 25),
                           date(2026, 11, 26), "Europe/Berlin", "אולם " + RLO + "Hall")
        guests = {}
        for key, (name, profile) in TYPED.items():
            person = scenario.person(name, f"{key}@example.org")
            made = app.register_attendee(
                olga, uuid4(), event, person, replace(profile, name=name),
                Consent(True, True, True)).result
            guests[key] = Guest(person, made["attendee_id"], made["ticket_code"],
                                made["connect_code"])
            people.append(Attendee(name, guests[key], people[0].links))
        mallory, layla, noa = (guests[k].person_id for k in ("mallory", "layla", "noa"))
        for other in ("layla", "noa"):
            app.connect_by_badge(mallory, uuid4(), guests[other].connect_code)
        app.check_in(olga, uuid4(), event, guests["mallory"].ticket_code, "main", "door-1")
        give = app.give(layla, uuid4(), event, layla, mallory, "advice", "نصيحة " + RLO + "x")
        app.thank(mallory, uuid4(), give.result["give_id"], "תודה " + RLO + "!")
        app.give(layla, uuid4(), event, layla, mallory, "referral", "إحالة " + RLO + "y")
        app.note(mallory, uuid4(), event, layla, "need", "تحتاج " + RLO + "designer")
        app.promise(mallory, uuid4(), event, layla, "deck " + RLO + "v2", date(2026, 12, 1))
        app.introduce(mallory, uuid4(), event, layla, noa, "שתיהן " + RLO + "fintech")
        app.issue_device(olga, uuid4(), event, "דלת " + RLO + "9")
        facts.update(guests=guests, give=give.result["give_id"])

    return told


@pytest.fixture
def typed_event(tmp_path):
    facts: dict = {}
    for live in serving(tmp_path, ("Alice Archer",), story=story(facts)):
        yield live, facts


def checked(page: Page, path: str) -> list[str]:
    answer = page.goto(path)
    assert answer.ok, f"{path} answered {answer.status}"
    page.wait_for_load_state("networkidle")
    return (page.evaluate(NOT_ISOLATED, TYPED_TEXT) + page.evaluate(REORDERED)
            + page.evaluate(TOO_WIDE) + violations(page))


def attendee_pages(event: str, facts: dict) -> list[str]:
    guests = facts["guests"]
    return ["/", "/contacts", f"/events/{event}/badge", f"/c/{guests['yosef'].connect_code}",
            "/scan",
            "/me/data", f"/events/{event}", f"/events/{event}/profile", "/follow-ups",
            "/timeline",
            f"/events/{event}/directory", f"/events/{event}/directory?q=%D9%84",
            f"/events/{event}/people/{guests['yosef'].person_id}",
            f"/contacts/{guests['layla'].person_id}", f"/gives/{facts['give']}",
            "/introduce", "/suggestions"]


def organizer_pages(event: str, facts: dict) -> list[str]:
    return ["/", "/console", f"/events/{event}/console", f"/events/{event}/dashboard",
            f"/events/{event}/exports", f"/events/{event}/tickets",
            f"/events/{event}/tickets/{facts['guests']['mallory'].person_id}",
            f"/events/{event}/badges", f"/events/{event}/desk", f"/events/{event}/import"]


def imported(page: Page, event: str, tmp_path: Path) -> str:
    """The import page after a pretix export with typed names: its preview."""
    path = tmp_path / "orders.csv"
    path.write_text(pretix_csv([pretix_row("ABC12", 1, "دانة " + RLO + "x", "dana@example.org",
                                           "מעבדה"),
                                pretix_row("ABC12", 2, "", "nameless@example.org")], ";"))
    page.goto(f"/events/{event}/import")
    page.get_by_label("CSV or Excel file").set_input_files(path)
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_url(f"**/events/{event}/import/*")
    return "/events/" + page.url.split("/events/", 1)[1]


@pytest.mark.parametrize("screen", [SMALL_PHONE, LAPTOP], ids=["360px", "1280px"])
def test_typed_text_reorders_nothing_around_it_on_any_page(browser, typed_event, console,
                                                          tmp_path, screen):
    live, facts = typed_event
    event = str(live.organizer.event_id)
    mallory = next(p for p in live.guests if p.name == TYPED["mallory"][0])
    found = {}
    for person, paths in ((mallory, attendee_pages(event, facts)),
                          (live.organizer, organizer_pages(event, facts)),
                          (live.steward, [f"/events/{event}/desk"])):
        context = open_device(browser, live.url, console, screen, bypass_csp=True)
        page = sign_in(context, person, live.url)
        if person is live.organizer:
            command(context, f"/events/{event}/registration", join_code="SUMMIT-2026")
            paths = [*paths, imported(page, event, tmp_path)]
        found |= {f"{person.name} {path}": checked(page, path) for path in paths}
        context.close()
    stranger = open_device(browser, live.url, console, screen, bypass_csp=True).new_page()
    found |= {path: checked(stranger, path)
              for path in ("/", "/s", "/s/lost", "/forgotten", "/j/SUMMIT-2026")}
    problems = {path: problems for path, problems in found.items() if problems}
    assert not problems, "\n".join(f"{path}: {p}" for path, p in problems.items())
