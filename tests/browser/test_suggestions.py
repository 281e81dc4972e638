"""A suggestion acted on, on phones: Alice noted that Bob needs a designer, and Carol offers
design; home suggests introducing them, one tap opens the introduction with both chosen and
the why started, both accept on their own phones, they are connected, and the suggestion is
gone."""

from __future__ import annotations

from uuid import uuid4

import pytest
from playwright.sync_api import expect

from goodwill.domain.attendee import Profile
from tests.browser.conftest import GUESTS, serving
from tests.browser.test_journey import sign_in
from tests.browser.test_proof_of_meeting import answer_on_follow_ups

NEED = "Bob needs a product designer for his app"


def story(app, scenario, people) -> None:
    """Alice met Bob and Carol and noted what Bob needs; Carol offers design."""
    alice, bob, carol = (p.guest for p in people)
    app.update_profile(carol.person_id, uuid4(), scenario.conference_id,
                       Profile(name="Carol Cole", offers="UX and product design, Figma"))
    for other in (bob, carol):
        app.connect_by_badge(alice.person_id, uuid4(), other.connect_code)
    app.note(alice.person_id, uuid4(), scenario.conference_id, bob.person_id, "need", NEED)


@pytest.fixture
def live_server(tmp_path):
    yield from serving(tmp_path, (*GUESTS, "Carol Cole"), story=story)


def test_a_suggested_introduction_connects_two_contacts_and_then_is_gone(
        phone, live_server, console, screenshot):
    alice, bob, carol = live_server.guests
    a = sign_in(phone(), alice, live_server.url)
    suggested = a.locator("#suggestions li.suggestion[data-kind=introduce]")
    expect(suggested).to_contain_text(f"Introduce {bob.name} to {carol.name}")
    expect(suggested).to_contain_text(f"Needs “{NEED}”; offers “UX and product design, Figma”")
    screenshot(a, "home-suggestions")
    suggested.get_by_role("link", name="Introduce them").click()
    expect(a.get_by_label("Introduce", exact=True)).to_have_value(str(bob.guest.person_id))
    expect(a.get_by_label("to", exact=True)).to_have_value(str(carol.guest.person_id))
    expect(a.get_by_label("Why they should meet")).to_have_value(
        f"{bob.name} needs “{NEED}”, and {carol.name} offers “UX and product design, Figma”.")
    a.get_by_role("button", name="Introduce").click()
    expect(a.get_by_role("status")).to_have_text(f"I introduced {bob.name} to {carol.name}.")
    for person, other in ((bob, carol), (carol, bob)):
        page = sign_in(phone(), person, live_server.url)
        answer_on_follow_ups(page, "introductions",
                             f"{alice.name} introduced you to {other.name}")
    page.goto(f"/contacts/{bob.guest.person_id}")
    expect(page.get_by_role("heading", name="Between us")).to_be_visible()
    a.goto("/suggestions")
    expect(a.locator("li.suggestion[data-kind=introduce]")).to_have_count(0)
    expect(a.locator("main")).not_to_contain_text(NEED)
    screenshot(a, "suggestions-after-introducing")
    assert not console
