"""A person who changes their name is known by the new one everywhere: on their own home
page, and in the lists others read, such as whom to thank."""

from __future__ import annotations

from tests.web.pages import assert_page, browser


def test_a_new_name_shows_on_home_and_in_others_thanks(summit):
    api, alice, bob, event = summit.api, summit.people["Alice"], summit.people["Bob"], \
        summit.event_id
    api.do(alice, "/gives", conference_id=event, giver=alice, receiver=bob, kind="advice",
           note="Glaze tips")
    api.do(alice, f"/events/{event}/attendees/me/profile",
           profile={"name": "Alicia Archer", "company": "Alice Ltd"})
    home = assert_page(api.client.get("/", headers=browser(api.headers(alice)),
                                      params={"after": api.position}))
    assert "Hello, <bdi>Alicia Archer</bdi>" in home
    thanks = assert_page(api.client.get("/follow-ups", headers=browser(api.headers(bob)),
                                        params={"after": api.position}))
    assert "Thank <bdi>Alicia Archer</bdi> for advice" in thanks
    assert "Thank <bdi>Alice</bdi> for" not in thanks
    assert api.read(bob, "/me/follow-ups")["thanks_to_send"][0]["other_id"] == alice
