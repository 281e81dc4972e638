"""A link an organizer shows at the desk works once, in a real browser: the attendee opens
it on their phone and is signed in; the organizer's copy of the same link then shows the
"already used" page, and the tickets page refuses to show a new one."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.test_journey import sign_in


def test_a_link_shown_at_the_desk_signs_the_attendee_in_once(phone, laptop, live_server,
                                                             console, screenshot):
    alice, organizer = live_server.alice, live_server.organizer
    desk = sign_in(laptop(), organizer, live_server.url)
    desk.goto(f"/events/{organizer.event_id}/tickets/{alice.guest.person_id}")
    desk.get_by_role("button", name="Show link").click()
    shown = desk.get_by_role("textbox", name="Sign-in link").input_value()
    assert "/s#gwl_" in shown

    mine = phone().new_page()
    mine.goto(shown)
    mine.get_by_role("button", name="Sign in").click()
    expect(mine.get_by_role("heading", name=f"Hello, {alice.name}")).to_be_visible()

    copy = laptop().new_page()  # the organizer, trying the link they were shown
    copy.goto(shown)
    copy.get_by_role("button", name="Sign in").click()
    expect(copy.get_by_role("heading", name="This link was already used")).to_be_visible()
    screenshot(copy, "link-already-used")
    expect(copy.get_by_text("ask the event's organizers at the desk")).to_be_visible()

    desk.goto(f"/events/{organizer.event_id}/tickets/{alice.guest.person_id}")
    desk.get_by_role("button", name="Show link").click()
    expect(desk.get_by_text("has signed in before")).to_be_visible()
    mine.reload()
    expect(mine.get_by_role("heading", name=f"Hello, {alice.name}")).to_be_visible()
    assert not [line for line in console if "401" not in line and "403" not in line]
