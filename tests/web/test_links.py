"""Every link a person can reach from home, followed as a browser would: none leads to an
error, and none opens raw JSON on a phone — JSON is offered only as a named download."""

from __future__ import annotations

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag

import pytest

from tests.web.pages import browser

MOST_PAGES = 200


class Links(HTMLParser):
    """Each ``<a href>`` to this site, with whether it is a download."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        href = urldefrag(a.get("href") or "")[0]
        if tag == "a" and href.startswith("/") and not href.startswith("//"):
            self.found.append((href, "download" in a))


def crawl(summit, person: str) -> dict[str, tuple[int, str, bool]]:
    """Each URL reached from home: its status, its type, and whether a link named it a
    download."""
    api, headers = summit.api, browser(summit.api.headers(person))
    seen: dict[str, tuple[int, str, bool]] = {}
    queue = deque([("/", False)])
    while queue and len(seen) < MOST_PAGES:
        url, download = queue.popleft()
        if url in seen:
            continue
        answer = api.client.get(url, headers=headers)
        kind = answer.headers.get("content-type", "").split(";")[0]
        seen[url] = (answer.status_code, kind, download)
        if kind == "text/html":
            links = Links()
            links.feed(answer.text)
            queue.extend(link for link in links.found if link[0] not in seen)
    return seen


@pytest.fixture
def lively(summit):
    """Alice met Bob and Carol, gave Bob advice he thanked her for, promised him a deck and
    introduced him to Carol; the organizer and Sam at the door have the crew's pages."""
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    api.meet(alice, bob, event)
    api.meet(alice, carol, event)
    give = api.do(alice, "/gives", conference_id=event, giver=alice, receiver=bob,
                  kind="advice", note="Pricing tips")["give_id"]
    api.do(bob, f"/gives/{give}/thanks", message="Thank you")
    api.do(alice, "/promises", conference_id=event, promisee=bob, what="A deck",
           due_on="2026-12-01")
    api.introduce(alice, event, person_a=bob, person_b=carol, why="Kilns")
    api.client.get("/", params={"after": api.position}, headers=api.headers(alice))
    return summit


@pytest.mark.parametrize("who", ["Alice", "Bob", "Sam", "organizer"])
def test_every_link_from_home_opens_a_page_or_a_named_download(lively, who):
    person = lively.organizer if who == "organizer" else lively.people[who]
    reached = crawl(lively, person)
    assert len(reached) > 10, reached
    broken = {url: status for url, (status, _, _) in reached.items() if status >= 400}
    assert not broken, broken
    raw = [url for url, (_, kind, download) in reached.items()
           if kind == "application/json" and not download]
    assert not raw, f"links that open raw JSON: {raw}"
