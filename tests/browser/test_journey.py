"""An attendee's first minutes, in a real browser on a phone-sized screen: open the personal
link, sign in, show the badge; a second attendee scans it and connects. Everything a script
does must also work with scripts off, except reading the link's #fragment."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def open_link(context, attendee) -> Page:
    """Opens ``/s#<token>``: the page's script moves the token into the form and out of the
    address bar."""
    page = context.new_page()
    page.goto(f"/s#{attendee.token}")
    expect(page.get_by_label("Your sign-in code")).to_have_value(attendee.token)
    expect(page).to_have_url(re.compile(r"/s$"))
    return page


def post_sign_in(context, attendee, base_url: str) -> None:
    """Posts the sign-in form as a same-site page would, with the site's Origin; the cookies
    land in the context. Without JavaScript the page cannot read the link's fragment."""
    answer = context.request.post("/s", form={"token": attendee.token},
                                  headers={"Origin": base_url}, max_redirects=0)
    assert answer.status == 303, answer.text()


def sign_in(context, attendee, base_url: str, screenshot=None) -> Page:
    """Opens the personal link and presses Sign in, as the attendee would."""
    page = open_link(context, attendee)
    if screenshot:
        screenshot(page, "sign-in-page")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name=f"Hello, {attendee.name}")).to_be_visible()
    return page


def met(context) -> list[str]:
    """Whom the signed-in person has met, as the API (with this context's cookies) says."""
    answer = context.request.get("/api/v1/me/follow-ups")
    assert answer.ok, answer.text()
    return [c["other_id"] for c in answer.json()["met_without_follow_up"]]


def test_an_attendee_signs_in_by_link_and_shows_their_badge(phone, live_server, console,
                                                           screenshot):
    alice = live_server.alice
    page = sign_in(phone(), alice, live_server.url, screenshot)
    screenshot(page, "home-signed-in")
    page.get_by_role("link", name="My badge").click()
    expect(page.get_by_role("heading", name="My badge")).to_be_visible()
    expect(page.locator("figure.badge svg")).to_be_visible()
    expect(page.locator("figure.badge .code")).to_have_text(alice.guest.connect_code)
    screenshot(page, "my-badge")
    assert not console


def test_a_second_attendee_scans_the_badge_and_connects_once(phone, live_server, console,
                                                             screenshot):
    alice, bob = live_server.alice, live_server.bob
    context = phone()
    page = sign_in(context, bob, live_server.url)
    page.goto(f"/c/{alice.guest.connect_code}")
    expect(page.get_by_role("heading", name=alice.name)).to_be_visible()
    screenshot(page, "connect-before")
    page.get_by_role("button", name="Connect").click()
    expect(page.get_by_role("status")).to_have_text("Connected")
    expect(page.get_by_role("button", name="Connect")).to_have_count(0)
    screenshot(page, "connect-done")
    assert met(context) == [str(alice.guest.person_id)]
    assert not console


def test_the_badge_and_connecting_work_with_scripts_off(phone, live_server, console,
                                                        screenshot):
    """Without scripts the fragment stays unread: the field is empty, to be pasted into."""
    alice, bob = live_server.alice, live_server.bob
    context = phone(javascript=False)
    page = context.new_page()
    page.goto(f"/s#{bob.token}")
    expect(page.get_by_label("Your sign-in code")).to_have_value("")
    post_sign_in(context, bob, live_server.url)
    page.goto("/")
    page.get_by_role("link", name="My badge").click()
    expect(page.locator("figure.badge svg")).to_be_visible()
    page.goto(f"/c/{alice.guest.connect_code}")
    page.get_by_role("button", name="Connect").click()
    expect(page.get_by_role("status")).to_have_text("Connected")
    screenshot(page, "connect-done-no-js")
    assert met(context) == [str(alice.guest.person_id)]
    assert not console
