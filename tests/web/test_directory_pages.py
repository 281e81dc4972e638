"""A directory for hundreds of people: fifty at a time in name order with More people for
the rest (keyset paging: nobody twice, nobody skipped), a count, a search whose %, _ and \\
are the characters themselves, and a search too long for the box answered in the page."""

from __future__ import annotations

import re

import pytest

from goodwill.http.pages.browse import DIRECTORY_PAGE
from tests.web.pages import assert_page, browser

HX = {"HX-Request": "true"}
NAMED = re.compile(r'<strong><a href="[^"]+/people/[^"]+"><bdi>([^<]+)</bdi></a></strong>')


@pytest.fixture
def crowded(summit):
    """Fifty-five more people listed, some with wildcard characters in their company."""
    for n in range(DIRECTORY_PAGE + 5):
        summit.guest(f"Guest{n:02}")
    for name, company in (("Pat", "100% Pottery"), ("Quinn", "under_score"),
                          ("Ray", "back\\slash")):
        summit.api.do(summit.organizer, f"/events/{summit.event_id}/attendees",
                      email=f"{name.lower()}@example.org",
                      profile={"name": name, "company": company},
                      consent={"listed_in_directory": True})
    return summit


def listed(crowded, headers: dict, **params) -> tuple[list[str], str]:
    api = crowded.api
    answer = api.client.get(f"/events/{crowded.event_id}/directory", headers=headers,
                            params={"after": api.position, **params})
    text = assert_page(answer) if "HX-Request" not in headers else answer.text
    return NAMED.findall(text), text


def test_the_directory_pages_through_everyone_once_in_name_order(crowded):
    headers = browser(crowded.api.headers(crowded.people["Bob"]))
    names, page = listed(crowded, headers)
    total = DIRECTORY_PAGE + 5 + 2 + 3  # the guests, Alice and Bob, Pat, Quinn and Ray
    assert f"{total} people listed" in page and len(names) == DIRECTORY_PAGE
    seen = list(names)
    while more := re.search(r'hx-get="([^"]+following=[^"]+)"', page):
        url = more[1].replace("&amp;", "&")
        answer = crowded.api.client.get(url, headers={**headers, **HX})
        assert answer.status_code == 200 and "<html" not in answer.text, "just the rows"
        names, page = NAMED.findall(answer.text), answer.text
        seen += names
    assert len(seen) == total and len(set(seen)) == total
    assert seen == sorted(seen)


def test_a_search_takes_percent_underscore_and_backslash_literally(crowded):
    headers = browser(crowded.api.headers(crowded.people["Bob"]))
    for search, found in (("%", ["Pat"]), ("_", ["Quinn"]), ("\\", ["Ray"]),
                          ("100%", ["Pat"]), ("o_t", [])):
        names, page = listed(crowded, headers, q=search)
        assert names == found, search
    assert "1 person matches" in listed(crowded, headers, q="%")[1]


def test_a_search_too_long_for_the_box_is_answered_in_the_page(crowded):
    headers = browser(crowded.api.headers(crowded.people["Bob"]))
    names, page = listed(crowded, headers, q="x" * 101)
    assert names == [] and "A search can be at most 100 characters" in page
    answer = crowded.api.client.get(f"/events/{crowded.event_id}/directory",
                                    headers={**headers, **HX}, params={"q": "x" * 101})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "A search can be at most 100 characters" in answer.text, "swapped in as typed"


def test_a_name_in_the_directory_opens_that_persons_profile(summit):
    api, bob, event = summit.api, summit.people["Bob"], summit.event_id
    summit.guest("Carol", listed=False)
    headers = browser(api.headers(bob))

    def opened(who: str):
        return api.client.get(f"/events/{event}/people/{summit.people[who]}", headers=headers,
                              params={"after": api.position})

    alices = assert_page(opened("Alice"))
    assert "<h1><bdi>Alice</bdi></h1>" in alices and "Alice Ltd" in alices and "UX reviews" in alices
    assert "Ask <bdi>Alice</bdi> to connect</button>" in alices
    assert opened("Carol").status_code == 404, "not listed: as if absent"
    assert "This is you" in assert_page(opened("Bob"))
    api.meet(bob, summit.people["Alice"], event)
    assert f'href="/contacts/{summit.people["Alice"]}"' in assert_page(opened("Alice"))
    outsider = summit.person("Mallory")
    refused = api.client.get(f"/events/{event}/people/{summit.people['Alice']}",
                             headers=browser(api.headers(outsider)))
    assert refused.status_code in (403, 404) and "Alice Ltd" not in refused.text


def test_a_profile_shows_how_its_owner_keeps_their_word_only_when_they_chose_to(summit):
    api, alice, bob, event = summit.api, summit.people["Alice"], summit.people["Bob"], summit.event_id
    api.meet(alice, bob, event)
    made = [api.do(alice, "/promises", conference_id=event, promisee=bob, what=what,
                   due_on=due)["promise_id"]
            for what, due in (("Deck", "2026-01-02"), ("Intro", "2026-01-03"),
                              ("Later", "2099-01-01"))]
    api.do(alice, f"/promises/{made[0]}/keep")

    def profile() -> str:
        return assert_page(api.client.get(f"/events/{event}/people/{alice}",
                                          headers=browser(api.headers(bob)),
                                          params={"after": api.position}))

    assert 'id="word"' not in profile(), "off until she turns it on"
    api.do(alice, f"/events/{event}/attendees/me/consent",
           consent={"listed_in_directory": True, "kept_rate_on_profile": True})
    word = re.search(r'<p id="word">(.*?)</p>', profile(), re.DOTALL)[1]
    assert " ".join(word.split()) == ("Keeps their word: <strong>50%</strong> of the promises"
                                      " that came due or ended are kept (1 of 2).")
    mine = api.read(alice, f"/events/{event}/attendees/me")
    assert mine["kept_rate_on_profile"] is True
    history = api.read(alice, f"/events/{event}/attendees/me/consent-history")
    assert [h["kept_rate_on_profile"] for h in history] == [False, True]
