"""The live dashboard on both stores: the numbers it shows, in its charts and in words, are
the read models' numbers; htmx gets the live part alone, within 8 KB even on the busiest
day; and only the event's organizers may open it."""

from __future__ import annotations

import asyncio
import re
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from goodwill.database import Reader
from goodwill.demo import seed_demo
from goodwill.domain.give import KINDS
from goodwill.http.pages.dashboard_page import hourly
from goodwill.projections import checkins, figures
from tests.web.pages import assert_page, browser
from tests.http.test_desk_api import ago, code, scans
from tests.ticketing import pretix_csv, pretix_row

BERLIN = ZoneInfo("Europe/Berlin")
FRAGMENT_BUDGET = 8 * 1024


@pytest.fixture
def demo(api):
    """The demo event, small, with its organizer signed in: its first day is over."""
    demo = seed_demo(api.system.app, seed=7, attendees=30, say=lambda line: None)
    api.position = api.system.runner.head()
    return demo, browser(api.headers(demo.organizer))


def read_model(api, query, *args):
    """A read-model query on a reader of its own, as a request handler runs it."""
    reader = Reader(api.system.settings)

    async def run():
        await reader.open()
        try:
            return await query(reader, *args)
        finally:
            await reader.close()
    return asyncio.run(run())


def tally(page: str, label: str) -> str:
    """The figure under ``label``, as text."""
    return re.sub(r"<[^>]+>", "", re.search(rf"<dt>{label}<dd>(.*?)</div>", page)[1])


def table(page: str, caption: str) -> list[list[str]]:
    """The table's rows as cell texts, its header row first (its end tags may be left out)."""
    body = re.search(rf"<caption>{caption}</caption>(.*?)</table>", page, re.S)[1]
    return [re.findall(r"<t[hd][^>]*>([^<]*)", row) for row in body.split("<tr>")[1:]]


def svg(page: str, chart_id: str) -> ET.Element:
    return ET.fromstring(re.search(rf'<svg id="{chart_id}".*?</svg>', page, re.S)[0])


def bars(path: str) -> int:
    return path.count("M")


def by_local_hour(rows: list[dict], metric: str, day: date) -> Counter:
    counted = Counter()
    for row in rows:
        start = datetime.fromisoformat(row["hour"]).astimezone(BERLIN)
        if row["metric"] == metric and start.date() == day:
            counted[f"{start:%H:%M}"] += row["value"]
    return counted


def in_span(counted: Counter, label: str) -> int:
    """What a row of the table covers: ``09:00`` is one hour, ``09:00–11:00`` two."""
    start, _, end = label.partition("–")
    end = end or f"{datetime.strptime(start, '%H:%M') + timedelta(hours=1):%H:%M}"
    return sum(value for hour, value in counted.items() if start <= hour < end)


def test_the_numbers_shown_are_the_read_models(api, demo):
    demo, headers = demo
    event = demo.conference_id
    page = assert_page(api.client.get(f"/events/{event}/dashboard", headers=headers,
                                      params={"day": str(demo.starts_on)}))
    counted = read_model(api, figures.figures, event)
    gives = read_model(api, figures.confirmed, event)
    assert tally(page, "Inside now") == f"{read_model(api, checkins.inside_now, event):,}"
    assert tally(page, "Arrived") == f"{counted['totals']['arrival']:,}"
    assert tally(page, "Connections") == f"{counted['totals']['connection']:,}"
    assert tally(page, "Introductions") == f"{counted['totals']['introduction']:,}"
    assert tally(page, "Gives recorded") == f"{gives['gives'] - gives['introduced']:,}" != "0"
    assert tally(page, "Gives by introductions") == f"{gives['introduced']:,}" != "0"
    assert tally(page, "Thank-yous") == f"{counted['totals']['thanks']:,}" != "0"
    for label in re.findall(r"<dt>([^<]+)<dd>", page.split('id="dashboard"')[1]):
        assert f"<dt>{label}</dt><dd>" in page.split('id="counted"')[1], f"{label} explained"
    assert tally(page, "Confirmed by receivers") == (
        f"{gives['confirmed'] / gives['gives']:.0%} {gives['confirmed']:,} of"
        f" {gives['gives']:,} gives")
    entrances = read_model(api, checkins.counts, event)
    assert table(page, "Entrances")[1:] == [
        ["Main entrance", str(entrances["main"]["checked_in"]), str(entrances["main"]["inside"])],
        ["Workshop room", str(entrances["workshop"]["checked_in"]),
         str(entrances["workshop"]["inside"])]]

    hours = table(page, "Hour by hour in numbers")
    columns = {name: [int(row[n]) for row in hours[1:]] for n, name in enumerate(hours[0]) if n}
    spans = [row[0] for row in hours[1:]]
    metrics = {"Arrivals": "arrival", "Connections": "connection",
               "Introductions": "introduction",
               **{f"{kind.capitalize()} gives": f"give:{kind}" for kind in KINDS}}
    for name, values in columns.items():
        expected = by_local_hour(counted["hours"], metrics[name], demo.starts_on)
        assert values == [in_span(expected, span) for span in spans], name
        assert sum(values) == sum(expected.values()) > 0, name

    for chart_id, name in (("arrivals", "Arrivals"), ("connections", "Connections")):
        drawn, shown = svg(page, chart_id), [v for v in columns[name] if v]
        assert drawn.get("role") == "img" and drawn.find("title").text == f"{name} per hour"
        assert f"{sum(shown)} {name.lower()} in" in drawn.find("desc").text
        assert bars(drawn.find("path[@class='bar']").get("d")) == len(shown)
        assert [int(t.text) for t in drawn.find("text[@class='values']")] == shown
        assert [t.text for t in drawn.find("text[@class='ticks']")][0] == spans[0][:5]

    given = svg(page, "gives")
    rows = [t.text.rsplit(" ", 1) for t in given.findall("text[@class='row']")]
    kinds = [name for name in columns if name.endswith(" gives")]
    assert rows == [[kind.removesuffix(" gives"), str(sum(columns[kind]))] for kind in kinds]
    assert [bars(p.get("d")) for p in given.find("g[@class='bar']")] == [
        len([v for v in columns[kind] if v]) for kind in kinds]


def test_htmx_polls_for_the_live_part_alone_within_8_kb(api, demo):
    demo, headers = demo
    url = f"/events/{demo.conference_id}/dashboard"
    page = assert_page(api.client.get(url, headers=headers))
    assert f'<a href="{url}">Refresh</a>' in page
    assert f'hx-get="{url}" hx-trigger="every 5s" hx-swap="outerHTML"' in page
    chosen = f"{url}?day={demo.starts_on}"
    fragment = api.client.get(chosen, headers={**headers, "HX-Request": "true"})
    text = assert_page(fragment)
    assert text.lstrip().startswith('<div id="dashboard"') and "<html" not in text
    assert f'hx-get="{chosen}"' in text
    assert "HX-Request" in fragment.headers["vary"]  # the back button shows the page
    assert len(fragment.content) <= FRAGMENT_BUDGET, len(fragment.content)


def test_the_busiest_day_still_fits_in_8_kb(client):
    """Every hour of the day busy with everything, numbers in the thousands, six entrances:
    more than any event will show, rendered by the page's own template."""
    start = datetime(2026, 11, 24, 23, tzinfo=timezone.utc)
    metrics = ["arrival", "connection", "introduction", *(f"give:{kind}" for kind in KINDS)]
    rows = [{"hour": f"{start + timedelta(hours=n):%Y-%m-%dT%H:00Z}", "metric": metric,
             "value": 9_999 if metric in ("arrival", "connection") else 999}
            for n in range(24) for metric in metrics]
    context = {
        "event": {"timezone": "Europe/Berlin"}, "poll_seconds": 5, "as_of": "23:59:59",
        "url": "/events/7a1b6cf2-5f0e-4c1e-9d7a-0e4b7c2d9f10/dashboard?day=2026-11-25",
        "day_name": "Wed 25 Nov",
        "tallies": [{"label": "Confirmed by receivers", "value": "100%",
                     "detail": "999,999 of 999,999 gives"},
                    *({"label": label, "value": "999,999"} for label in
                      ("Inside now", "Arrived", "Connections", "Introductions",
                       "Gives recorded", "Gives by introductions", "Thank-yous"))],
        "entrances": [{"name": f"North hall entrance {n}", "checked_in": 99_999,
                       "inside": 99_999} for n in range(6)],
        "conflicts": {"count": 99_999,
                      "newest": [{"at": "23:59", "list_name": "North hall entrance 1",
                                  "kind": "double-admission", "device": "desk-a1b2c3",
                                  "first_device": "desk-d4e5f6", "name": "Maximiliane "
                                  "Montgomery-Featherstonehaugh"}] * 5},
        **hourly(rows, "Europe/Berlin", date(2026, 11, 25), start + timedelta(days=7))}
    html = client.app.template_engine.engine.get_template("organizer/_dashboard.html").render(context)
    assert len(context["spans"]) == 12 and context["spans"][0] == "00:00–02:00"
    assert len(html.encode()) <= FRAGMENT_BUDGET, len(html.encode())


def test_an_event_with_nothing_yet_says_so(summit):
    api = summit.api
    headers = browser(api.headers(summit.organizer))
    page = assert_page(api.client.get(f"/events/{summit.event_id}/dashboard", headers=headers,
                                      params={"after": api.position, "day": "2026-11-25"}))
    assert "Nothing counted on this day." in page and tally(page, "Inside now") == "0"
    assert tally(page, "Confirmed by receivers") == "– 0 of 0 gives"
    assert 'href="?day=2026-11-25" aria-current="date"' in page
    assert 'href="?day=2026-11-26"' in page


def test_only_the_events_organizers_may_open_it(summit):
    api = summit.api
    url = f"/events/{summit.event_id}/dashboard"
    for who in (summit.people["Alice"], summit.people["Sam"]):
        refused = api.client.get(url, headers=browser(api.headers(who)),
                                 params={"after": api.position})
        assert_page(refused, 403)
        assert "Inside now" not in refused.text
    assert api.client.get(url).status_code == 401


def test_a_ticket_let_in_twice_offline_is_a_conflict_to_review(summit):
    """Two doors that were offline each let Alice in: the dashboard counts and lists it."""
    api, sam = summit.api, summit.people["Sam"]
    for device, minutes in (("door-1", 10), ("door-2", 5)):
        scans(summit, sam, code(summit, "Alice"), offline=True, scanned_at=ago(minutes),
              device=device)
    page = assert_page(api.client.get(f"/events/{summit.event_id}/dashboard",
                                      headers=browser(api.headers(summit.organizer)),
                                      params={"after": api.position}))
    assert "Conflicts to review: 1" in page
    assert "let in twice<td>door-2, first door-1<td>" in page


def test_tickets_are_counted_by_type_a_persons_two_types_under_each(summit):
    """Ada holds a conference pass and a workshop day (one ticket of both types), Ben a
    pass, Cleo a workshop day; Ada comes in."""
    api = summit.api
    rows = pretix_csv([pretix_row("T1", 1, "Ada Adler", "ada@example.org", product="Pass"),
                       pretix_row("T1", 2, "Ada Adler", "ada@example.org", product="Workshop"),
                       pretix_row("T2", 1, "Ben Brandt", "ben@example.org", product="Pass"),
                       pretix_row("T3", 1, "Cleo Costa", "cleo@example.org",
                                  product="Workshop")])
    imported = api.post(summit.organizer, f"/events/{summit.event_id}/imports", csv=rows)
    assert imported.json()["created"] == 3
    api.position = imported.json()["position"]
    api.read(summit.organizer, f"/events/{summit.event_id}/attendees")  # caught up
    with api.system.writer.transaction() as tx:
        ((ada,),) = tx.fetchall("SELECT c.code FROM ticket_codes c JOIN attendees a ON"
                                " a.attendee_id = c.attendee_id WHERE a.name = 'Ada Adler'", ())
    api.position = api.system.app.check_in(summit.organizer, uuid.uuid4(),
                                           uuid.UUID(summit.event_id), ada, "main",
                                           "door-1").position
    page = assert_page(api.client.get(f"/events/{summit.event_id}/dashboard",
                                      headers=browser(api.headers(summit.organizer)),
                                      params={"after": api.position}))
    assert ("<caption>By ticket type</caption>" in page and
            '<tr><th scope="row">Pass<td>2<td>1<td>1<tr><th scope="row">Workshop<td>2<td>1<td>1'
            in page)
