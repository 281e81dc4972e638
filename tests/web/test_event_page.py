"""An event has a page of its own for the people at it — when, where, on whose clock, its
entrances, its directory's count and what each of them can open there — which home's "The
event" opens instead of the API's JSON."""

from __future__ import annotations

import re

from tests.web.pages import assert_page, browser


def test_the_event_page_says_when_where_and_what_i_can_open(summit):
    api, event = summit.api, summit.event_id
    alice = browser(api.headers(summit.people["Alice"]))
    home = assert_page(api.client.get("/", headers=alice, params={"after": api.position}))
    assert f'<a href="/events/{event}">The event</a>' in home
    page = " ".join(assert_page(api.client.get(f"/events/{event}", headers=alice)).split())
    assert "<h1><bdi>Reciprocity Summit</bdi></h1>" in page
    assert "<dd>Wednesday 25 November 2026 to Thursday 26 November 2026</dd>" in page
    assert "<dd><bdi>Congress Hall</bdi></dd>" in page and "Europe/Berlin time" in page
    assert "<dd><bdi>Main entrance</bdi>, <bdi>Workshop room</bdi></dd>" in page
    assert re.search(rf'<a href="/events/{event}/directory">2 people listed</a>', page)
    assert f'href="/events/{event}/badge"' in page and "/console" not in page
    assert f'<a href="/events/{event}">' not in page, "no link to itself"

    crew = assert_page(api.client.get(f"/events/{event}",
                                      headers=browser(api.headers(summit.organizer))))
    assert f'href="/events/{event}/console"' in crew and f'href="/events/{event}/badge"' not in crew
    stranger = api.client.get(f"/events/{event}",
                              headers=browser(api.headers(summit.person("Mallory"))))
    assert stranger.status_code in (403, 404) and "Congress Hall" not in stranger.text
