"""The weight budget of the attendee app, in bytes as they cross the network (gzip): a
first load of any key page, with every stylesheet and script it needs before it can be
used, stays within 60 KB, and every fragment htmx swaps in within 8 KB.

The figures are written to test-artifacts/sizes.md, which docs/performance.md quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.web.pages import assert_page, browser

FIRST_LOAD_BUDGET = 60 * 1024
FRAGMENT_BUDGET = 8 * 1024
ASSET = re.compile(r'<(?:link rel="stylesheet" href|script src)="([^"]+)"')
REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "sizes.md"
GZIP = {"Accept-Encoding": "gzip"}


def wire_bytes(client, path: str, headers: dict[str, str]) -> int:
    """What the response weighs on the wire: its body as sent, compressed or not."""
    response = client.get(path, headers={**headers, **GZIP})
    assert response.status_code == 200, (path, response.text)
    return response.num_bytes_downloaded


@pytest.fixture
def busy_alice(summit):
    """Alice two days into the event: contacts, gives both ways, notes and promises."""
    api, alice = summit.api, summit.people["Alice"]
    at = {"conference_id": summit.event_id}
    for name in ("Carol", "Dan", "Erin", "Femi"):
        summit.guest(name)
    others = [summit.people[n] for n in ("Bob", "Carol", "Dan", "Erin", "Femi")]
    for other in others:
        api.meet(alice, other, at["conference_id"])
        for n in range(3):
            api.do(alice, "/gives", **at, giver=alice, receiver=other, kind="advice",
                   note=f"Pricing advice for the spring launch, part {n}")
            api.do(other, "/gives", **at, giver=other, receiver=alice, kind="resource",
                   note=f"A deck on wholesale pricing, chapter {n}")
        api.do(alice, "/notes", **at, about=other, kind="need",
               text="Looking for a designer who knows ceramics packaging")
        api.do(alice, "/promises", **at, promisee=other, what="Send the supplier list",
               due_on="2026-12-01")
    return summit, others


def test_first_loads_and_fragments_stay_within_their_budgets(busy_alice):
    summit, others = busy_alice
    api, alice = summit.api, summit.people["Alice"]
    headers = browser(api.headers(alice))
    assert_page(api.client.get("/", headers=headers, params={"after": api.position}))
    pages = {"home": "/", "my badge": f"/events/{summit.event_id}/badge",
             "contact": f"/contacts/{others[0]}", "follow-ups": "/follow-ups",
             "timeline": "/timeline", "directory": f"/events/{summit.event_id}/directory",
             "scan (before its decoder)": "/scan", "my data": "/me/data",
             "profile": f"/events/{summit.event_id}/profile"}
    rows = ["| first load | page | + css and scripts | total |", "| --- | ---: | ---: | ---: |"]
    for name, path in pages.items():
        html = api.client.get(path, headers=headers).text
        assets = sum(wire_bytes(api.client, asset, {}) for asset in ASSET.findall(html))
        page = wire_bytes(api.client, path, headers)
        rows.append(f"| {name} | {page:,} B | {assets:,} B | {page + assets:,} B |")
        assert page + assets <= FIRST_LOAD_BUDGET, (name, page, assets)
    fragments = {"contact section": f"/contacts/{others[0]}", "timeline page": "/timeline",
                 "directory results": f"/events/{summit.event_id}/directory?q=a"}
    rows += ["", "| fragment (htmx) | uncompressed | on the wire |", "| --- | ---: | ---: |"]
    for name, path in fragments.items():
        fragment = api.client.get(path, headers={**headers, "HX-Request": "true"})
        assert "<html" not in fragment.text
        wire = wire_bytes(api.client, path, {**headers, "HX-Request": "true"})
        rows.append(f"| {name} | {len(fragment.content):,} B | {wire:,} B |")
        assert len(fragment.content) <= FRAGMENT_BUDGET, (name, len(fragment.content))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("\n".join(rows) + "\n")


def test_pages_and_assets_are_sent_gzipped(summit):
    api = summit.api
    htmx = api.client.get("/static/vendor/htmx/htmx-2.0.11.min.js", headers=GZIP)
    assert htmx.headers["content-encoding"] == "gzip"
    assert htmx.num_bytes_downloaded < len(htmx.content) / 2
    plain = api.client.get("/static/app.js", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
