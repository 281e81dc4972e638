"""Thanks are tied to what they thank: each side's timeline names the give a thanks is for
and links to its page, and the give's page shows the thanks and its message to both; a
give recorded with an introduction is thanked by accepting it, and reads so."""

from __future__ import annotations

import re

from tests.web.pages import assert_page, browser


def page(summit, who: str, path: str) -> str:
    api = summit.api
    return " ".join(assert_page(api.client.get(
        path, headers=browser(api.headers(summit.people[who])),
        params={"after": api.position})).split())


def test_a_thanks_names_the_give_and_the_give_shows_the_thanks_to_both(summit):
    api, alice, bob, event = summit.api, summit.people["Alice"], summit.people["Bob"], summit.event_id
    api.meet(alice, bob, event)
    give = api.do(alice, "/gives", conference_id=event, giver=alice, receiver=bob,
                  kind="advice", note="Price the spring line by weight")["give_id"]
    api.do(bob, f"/gives/{give}/thanks", message="That saved my launch")

    link = f'<a href="/gives/{give}">advice: <bdi>Price the spring line by weight</bdi></a>'
    for who, label in (("Alice", "Thanked me"), ("Bob", "I thanked")):
        entry = re.search(rf'<span class="kind">{label}</span>.*?</li>', page(summit, who, "/timeline"))[0]
        assert f"<p>for {link}</p>" in entry and "<p><bdi>That saved my launch</bdi></p>" in entry
    assert link in page(summit, "Bob", "/timeline").split("Received")[1], "the give links too"

    assert ("<bdi>Bob</bdi> thanked me on" in page(summit, "Alice", f"/gives/{give}")
            and "“<bdi>That saved my launch</bdi>”" in page(summit, "Alice", f"/gives/{give}"))
    assert re.search(r"I thanked <bdi>Alice</bdi> on <time [^>]+>[^<]+</time>: “<bdi>That saved"
                     r" my launch</bdi>”", page(summit, "Bob", f"/gives/{give}"))
    thanks = [e for e in api.read(alice, "/me/timeline")["entries"] if e["kind"] == "thanked_me"]
    assert thanks[0]["give"]["note"] == "Price the spring line by weight"


def test_an_introduction_accepted_reads_as_accepted_on_the_introducers_side(summit):
    api, event = summit.api, summit.event_id
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    summit.guest("Carol")
    carol = summit.people["Carol"]
    api.meet(alice, bob, event)
    api.meet(alice, carol, event)
    made = api.do(alice, "/introductions", conference_id=event, person_a=bob, person_b=carol,
                  why="Both make glazes")["introduction_id"]
    for who in (bob, carol):
        api.do(who, f"/introductions/{made}/answer", accept=True)
    story = page(summit, "Alice", "/timeline")
    assert story.count('<span class="kind">Accepted my introduction</span>') == 2
    assert '<span class="kind">Thanked me</span>' not in story
