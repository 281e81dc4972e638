"""Introducing two of my contacts on a page of its own: recorded once however often it is
sent, at the latest event the three of us share, with mistakes shown next to their field;
each of the two then answers on their page for me, and both accepting connects them."""

from __future__ import annotations

import re

import pytest

from tests.web.pages import assert_page, browser, form_to

HX = {"HX-Request": "true"}


@pytest.fixture
def circle(summit):
    """Bob connected with Alice and Carol; Dan at the event, connected with no one."""
    api, bob = summit.api, summit.people["Bob"]
    for name in ("Carol", "Dan"):
        summit.guest(name)
    for other in ("Alice", "Carol"):
        api.meet(bob, summit.people[other], summit.event_id)
    summit.bob = browser(api.headers(bob))
    return summit


def opened(summit, url: str, headers: dict | None = None, **query: str) -> str:
    api = summit.api
    return assert_page(api.client.get(url, headers=headers or summit.bob,
                                      params={**query, "after": api.position}))


def posted(summit, url: str, form: dict, headers: dict | None = None):
    """Sent as a browser without JS sends it; the next reads wait for what it recorded."""
    answer = summit.api.client.post(url, data=form, headers=headers or summit.bob,
                                    follow_redirects=False)
    if answer.status_code == 303:
        after = re.search(r"after=(\d+)", answer.headers["location"])[1]
        summit.api.position = max(summit.api.position, int(after))
    return answer


def sent(summit, **fields: str) -> dict[str, str]:
    """The form as Bob sends it, having chosen Alice first on her page."""
    page = opened(summit, "/introduce", a=summit.people["Alice"])
    return {**form_to(page, "/introduce"), "person_a": summit.people["Alice"],
            "person_b": summit.people["Carol"], "why": "Both build kilns", **fields}


def introductions_made(summit) -> list[dict]:
    timeline = summit.api.read(summit.people["Bob"], "/me/timeline")["entries"]
    return [e for e in timeline if e["kind"] == "introduced"]


def test_the_form_offers_my_contacts_with_the_one_i_came_from_chosen(circle):
    alice = circle.people["Alice"]
    contact = opened(circle, f"/contacts/{alice}")
    assert f'<a href="/introduce?a={alice}">Introduce <bdi>Alice</bdi> to…</a>' in contact
    page = opened(circle, "/introduce", a=alice)
    options = re.findall(r'<option value="([^"]+)"( selected)?>([^<]+)</option>', page)
    assert {(name, bool(chosen)) for _, chosen, name in options} == {
        ("Alice", True), ("Alice", False), ("Carol", False)}
    assert "Dan" not in page
    for field in ("introduce-person_a", "introduce-person_b", "introduce-why"):
        assert f'<label for="{field}">' in page
    assert_page(circle.api.client.get("/introduce"), 401)


def test_an_introduction_sent_twice_is_made_once(circle):
    api, alice, carol = circle.api, circle.people["Alice"], circle.people["Carol"]
    form = sent(circle)
    answers = [posted(circle, "/introduce", form) for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303]
    back = answers[1].headers["location"]
    assert back.startswith(f"/introduce?a={alice}&made=")
    page = " ".join(assert_page(api.client.get(back, headers=circle.bob)).split())
    assert "I introduced <bdi>Alice</bdi> to <bdi>Carol</bdi>." in page and f'href="/contacts/{carol}"' in page
    assert len(introductions_made(circle)) == 1
    bobs = " ".join(opened(circle, f"/contacts/{alice}").split())
    assert "I introduced <bdi>Alice</bdi> to <bdi>Carol</bdi>: <bdi>Both build kilns</bdi>" in bobs
    assert '<span class="quiet"> Waiting for their answers.</span>' in bobs


def test_with_htmx_the_confirmation_and_a_fresh_form_come_back_in_place(circle):
    form = sent(circle)
    answer = circle.api.client.post("/introduce", data=form, headers={**circle.bob, **HX})
    fragment = " ".join(assert_page(answer).split())
    assert "<html" not in fragment and len(answer.content) < 8192
    assert "I introduced <bdi>Alice</bdi> to <bdi>Carol</bdi>." in fragment
    assert form_to(fragment, "/introduce")["command_id"] != form["command_id"]
    assert len(introductions_made(circle)) == 1


@pytest.mark.parametrize("fields, field", [
    ({"person_b": "ALICE"}, "person_b"),
    ({"why": "  "}, "why"),
    ({"person_b": "DAN"}, "person_b"),
    ({"person_a": "not-an-id"}, "person_a"),
])
@pytest.mark.parametrize("hx", [False, True], ids=["no-js", "htmx"])
def test_a_mistake_is_shown_next_to_its_field(circle, fields, field, hx):
    people = {"ALICE": circle.people["Alice"], "DAN": circle.people["Dan"]}
    form = sent(circle, **{k: people.get(v, v) for k, v in fields.items()})
    headers = {**circle.bob, **HX} if hx else circle.bob
    page = assert_page(circle.api.client.post("/introduce", data=form, headers=headers), 400)
    assert f'id="introduce-{field}-error"' in page and ("<html" in page) != hx
    assert "Both build kilns" in page or field == "why"
    assert introductions_made(circle) == []


def another_event(summit, name: str, starts_on: str, *people: str) -> str:
    api = summit.api
    event = api.do(summit.organizer, "/events", name=name, starts_on=starts_on,
                   ends_on=starts_on, timezone="UTC")["conference_id"]
    for person in people:
        api.do(summit.organizer, f"/events/{event}/attendees",
               person_id=summit.people[person], profile={"name": person})
    return event


def test_it_is_recorded_at_the_latest_event_the_three_share(circle):
    later = another_event(circle, "Winter Forum", "2027-02-01", "Alice", "Bob", "Carol")
    another_event(circle, "Spring Fair", "2027-04-01", "Alice", "Bob")
    assert posted(circle, "/introduce", sent(circle)).status_code == 303
    (made,) = introductions_made(circle)
    assert made["conference_id"] == later


def test_three_people_who_share_no_event_cannot_be_introduced(circle):
    api, bob = circle.api, circle.people["Bob"]
    circle.person("Erin")
    fair = another_event(circle, "Spring Fair", "2027-04-01", "Bob", "Erin")
    api.meet(bob, circle.people["Erin"], fair)
    form = sent(circle, person_b=circle.people["Erin"])
    page = assert_page(api.client.post("/introduce", data=form, headers=circle.bob), 400)
    assert 'id="introduce-person_b-error"' in page and "share no event" in page


def test_when_both_accept_on_their_pages_they_are_connected(circle):
    api, alice, bob, carol = (circle.api, circle.people["Alice"], circle.people["Bob"],
                              circle.people["Carol"])
    posted(circle, "/introduce", sent(circle))
    assert_page(api.client.get(f"/contacts/{carol}", headers=api.headers(alice),
                               params={"after": api.position}), 404)
    for me in (alice, carol):
        headers = browser(api.headers(me))
        page = " ".join(opened(circle, f"/contacts/{bob}", headers).split())
        assert "<bdi>Bob</bdi> introduced me to" in page and "Both build kilns" in page
        url = re.search(r'action="(/contacts/[^"]+/introductions/[^"]+)"', page)[1]
        accepted = posted(circle, url, form_to(page, url, ("accept", "yes")), headers)
        assert accepted.status_code == 303
    page = " ".join(opened(circle, f"/contacts/{carol}", browser(api.headers(alice))).split())
    assert "<h1><bdi>Carol</bdi></h1>" in page and "<bdi>Bob</bdi> introduced me to <bdi>Carol</bdi>" in page
