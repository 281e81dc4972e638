"""My contacts: everyone I am connected with, by name, where we met and what passed between
us; searchable and paged on the page and in the API alike, and nobody I have not met."""

from __future__ import annotations

import re

from tests.web.pages import assert_page, browser


def met_some(summit):
    api, event = summit.api, summit.event_id
    for name in ("Carol", "Dan", "Erin"):
        summit.guest(name)
    alice = summit.people["Alice"]
    for name in ("Bob", "Carol", "Erin"):
        api.meet(alice, summit.people[name], event)
    bob = summit.people["Bob"]
    api.do(alice, "/gives", conference_id=event, giver=alice, receiver=bob, kind="advice")
    api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice, kind="insight")
    api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice, kind="resource")
    api.do(alice, "/promises", conference_id=event, promisee=bob, what="Deck",
           due_on="2026-12-20")
    return api, alice


def test_my_contacts_page_lists_whom_i_met_with_our_balance(summit):
    api, alice = met_some(summit)
    page = assert_page(api.client.get("/contacts", headers=browser(api.headers(alice)),
                                      params={"after": api.position}))
    names = re.findall(r'<a href="/contacts/[^"]+"><bdi>(\w+)</bdi></a>', page)
    assert names == ["Bob", "Carol", "Erin"] and "3 contacts" in page
    bob = re.sub(r"\s+", " ", page.split("<bdi>Bob</bdi>")[1].split("</li>")[0])
    assert "Met at <bdi>Reciprocity Summit</bdi>" in bob
    assert "I gave 0 (+1 unthanked) · received 0 (+2 unthanked) · balance 0" in bob
    assert "1 I promised" in bob
    found = assert_page(api.client.get("/contacts", params={"q": "car", "after": api.position},
                                       headers=browser(api.headers(alice))))
    assert re.findall(r"<bdi>(\w+)</bdi></a>", found) == ["Carol"]
    assert "1 of my contacts matches" in found
    assert '<a href="/contacts">' in assert_page(api.client.get(
        "/", headers=browser(api.headers(alice)))), "home and the top bar lead here"


def test_the_api_pages_the_same_contacts(summit):
    api, alice = met_some(summit)
    first = api.read(alice, "/me/contacts", limit=2)
    assert [c["name"] for c in first["contacts"]] == ["Bob", "Carol"] and first["count"] == 3
    bob = first["contacts"][0]
    assert (bob["given_unconfirmed"], bob["received_unconfirmed"], bob["promised_by_me"]) \
        == (1, 2, 1)
    rest = api.read(alice, "/me/contacts", limit=2, following=first["next_following"])
    assert [c["name"] for c in rest["contacts"]] == ["Erin"] and rest["next_following"] is None
    assert api.read(alice, "/me/contacts", q="%")["contacts"] == [], "% is literal"
    dan = api.read(summit.people["Dan"], "/me/contacts")
    assert dan == {"contacts": [], "count": 0, "next_following": None}
