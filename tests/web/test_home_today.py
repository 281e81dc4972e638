"""Home shows my day at each event I attend, on the event's clock: my check-in, whom I met
today, what is due, whom to thank and which introductions wait; and the event's follow-ups
fall due by the event's date, never the server's UTC one."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from goodwill.http.pages.dashboard_page import day_name
from tests.web.pages import assert_page, browser
from tests.web.test_dashboard import table
from tests.web.zones import move, off_utc

MINUTE = timedelta(minutes=1)


def section(page: str, tag: str, id_: str) -> str:
    return re.search(rf'<{tag} [^>]*id="{id_}".*?</{tag}>', page, re.DOTALL)[0]


def utc(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat()


def test_home_shows_my_day_at_the_event_on_its_clock(summit):
    api, event, bob = summit.api, summit.event_id, summit.people["Bob"]
    zone, today = off_utc()
    move(summit, zone)
    for name in ("Carol", "Dan", "Erin", "Finn"):
        summit.guest(name)
    now = datetime.now(timezone.utc)
    midnight = datetime.combine(today, time.min, tzinfo=ZoneInfo(zone))
    api.do(summit.people["Sam"], "/tickets/check-in", conference_id=event, list_key="main",
           ticket_code=summit.guests["Bob"]["ticket_code"], device="door-1",
           scanned_at=utc(now - 5 * MINUTE))
    for name, moment in (("Finn", midnight - MINUTE), ("Alice", midnight + MINUTE),
                         ("Carol", now - 3 * MINUTE), ("Dan", now - 2 * MINUTE),
                         ("Erin", now - MINUTE)):
        api.meet(bob, summit.people[name], event, happened_at=utc(moment))
    for what, days in (("Late", -1), ("Today", 0), ("Later", 8)):
        api.do(bob, "/promises", conference_id=event, promisee=summit.people["Alice"], what=what,
               due_on=(today + timedelta(days=days)).isoformat())
    api.do(summit.people["Alice"], "/gives", conference_id=event, giver=summit.people["Alice"],
           receiver=bob, kind="advice")
    api.introduce(summit.people["Carol"], event, person_a=bob,
           person_b=summit.people["Dan"], why="Both build kilns")
    summit.guest("Gil")
    api.do(summit.people["Gil"], "/connection-requests", conference_id=event, person_id=bob)

    page = assert_page(api.client.get("/", headers=api.headers(bob),
                                      params={"after": api.position}))
    card = section(page, "section", f"event-{event}")
    glance = re.sub(r"\s+", " ", section(card, "dl", "glance-" + event))
    checked_in = (now - 5 * MINUTE).astimezone(ZoneInfo(zone))
    assert f"Today, {today:%A} {today.day} {today:%B}" in card
    assert f"Checked in at {checked_in:%H:%M} at <bdi>Main entrance</bdi></p>" in glance
    met_today = re.search(r"<dt>Met today</dt>(.*?)</dd>", glance)[1]
    met = re.findall(r'<a href="/contacts/([^"]+)"><bdi>(\w+)</bdi></a>', met_today)
    assert met == [(summit.people[n], n) for n in ("Erin", "Dan", "Carol")]
    assert "<dd>4 people:" in glance and "and 1 more" in glance
    assert '<a href="/follow-ups">1 overdue, 1 due within a week</a>' in glance
    assert len(re.findall(r"Mark “<bdi>[^<]+</bdi>” kept", glance)) == 2, "each, to close here"
    assert '<a href="/follow-ups#thanks">1 to thank</a>' in glance, "the advice: an introduction is accepted"
    assert '<a href="/follow-ups#requests">1 waiting for my answer</a>' in glance
    assert '<a href="/follow-ups#introductions">1 waiting for my answer</a>' in glance
    assert f'href="/events/{event}/profile"' in card


def test_before_any_scan_or_meeting_the_day_is_empty(summit):
    api, event = summit.api, summit.event_id
    page = assert_page(api.client.get("/", headers=api.headers(summit.people["Alice"]),
                                      params={"after": api.position}))
    glance = re.sub(r"\s+", " ", section(page, "dl", "glance-" + event))
    assert "<dd>Not yet</dd>" in glance and "<dd>0 people</dd>" in glance
    organizer = api.client.get("/", headers=api.headers(summit.organizer)).text
    assert "glance-" not in organizer and f"/events/{event}/console" in organizer


def test_follow_ups_fall_due_by_the_events_date_not_utcs(summit):
    """The page and the API agree; a caller's own ``today`` still wins in the API."""
    api, bob = summit.api, summit.people["Bob"]
    zone, today = off_utc()
    move(summit, zone)
    for what, days in (("Overdue there", -1), ("Due there", 0)):
        api.do(bob, "/promises", conference_id=summit.event_id, promisee=summit.people["Alice"],
               what=what, due_on=(today + timedelta(days=days)).isoformat())
    page = assert_page(api.client.get("/follow-ups", headers=browser(api.headers(bob)),
                                      params={"after": api.position}))
    overdue, due = section(page, "section", "overdue"), section(page, "section", "due")
    assert "Overdue there" in overdue and "Due there" not in overdue
    assert "Due there" in due and "Overdue there" not in due
    lists = api.read(bob, "/me/follow-ups")
    assert [p["what"] for p in lists["overdue_promises"]] == ["Overdue there"]
    assert [p["what"] for p in lists["due_promises"]] == ["Due there"]
    earlier = api.read(bob, "/me/follow-ups", today=(today - timedelta(days=1)).isoformat())
    assert earlier["overdue_promises"] == []


def test_home_and_dashboard_count_today_by_the_same_clock(summit):
    """Bob met three people today on the event's clock and one a minute before its
    midnight: his home page and the organizers' dashboard both say today is the event's
    date, and both count the three."""
    api, event, bob = summit.api, summit.event_id, summit.people["Bob"]
    zone, today = off_utc()
    move(summit, zone)
    midnight = datetime.combine(today, time.min, tzinfo=ZoneInfo(zone))
    now = datetime.now(timezone.utc)
    for name, moment in (("Finn", midnight - MINUTE), ("Carol", now - 3 * MINUTE),
                         ("Dan", now - 2 * MINUTE), ("Erin", now - MINUTE)):
        summit.guest(name)
        api.meet(bob, summit.people[name], event, happened_at=utc(moment))

    home = assert_page(api.client.get("/", headers=api.headers(bob),
                                      params={"after": api.position}))
    card = section(home, "section", f"event-{event}")
    assert f"Today, {today:%A} {today.day} {today:%B}" in card
    assert "<dd>3 people:" in re.sub(r"\s+", " ", section(card, "dl", "glance-" + event))
    board = assert_page(api.client.get(f"/events/{event}/dashboard",
                                       headers=api.headers(summit.organizer),
                                       params={"after": api.position}))
    assert f"<h2>{day_name(today)}, hour by hour</h2>" in board
    hours = table(board, "Hour by hour in numbers")
    connections = hours[0].index("Connections")
    assert sum(int(row[connections]) for row in hours[1:]) == 3
