"""The timeline says what each entry is, in words, and when it happened on the clock of the
event it happened at: a note made at an event in Tokyo reads in Tokyo's time."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from tests.web.pages import assert_page, browser
from tests.web.zones import move, off_utc


def test_each_entry_shows_its_kind_in_words_and_its_time_on_the_events_clock(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    zone, _ = off_utc()
    move(summit, zone)
    api.meet(bob, alice, summit.event_id)
    api.do(bob, "/notes", conference_id=summit.event_id, about=alice, kind="need",
           text="A kiln")
    page = assert_page(api.client.get("/timeline", headers=browser(api.headers(bob)),
                                      params={"after": api.position}))
    shown = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>\s*<span class="kind">([^<]+)',
                       page)
    assert [label for _, _, label in shown] == ["I noted", "Connected"]
    noted = re.search(r'<span class="kind">I noted</span>.*?</li>', page, re.DOTALL)[0]
    assert '<p class="private">🔒 Only you can see this.</p>' in noted
    assert page.count("🔒") == 1, "only the private entry says so"
    for at, when, _ in shown:
        local = datetime.fromisoformat(at).astimezone(ZoneInfo(zone))
        assert when == f"{local:%Y-%m-%d %H:%M}"
        assert when != f"{datetime.fromisoformat(at).astimezone(timezone.utc):%Y-%m-%d %H:%M}"
    assert "_" not in "".join(label for _, _, label in shown)
