"""Every event keeps its own calendar: what is overdue, and when "today" starts and ends, are
read on the event's clock, whatever the server's date."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from goodwill.http.event_days import day_span, local, today_in
from goodwill.projections.followup_lists import by_due_date

WEEK = timedelta(days=7)
AUCKLAND, LOS_ANGELES = "a-auckland", "b-los-angeles"


def promise(due_on: str, conference_id: str) -> dict[str, str]:
    return {"due_on": due_on, "conference_id": conference_id}


def test_each_promise_falls_due_by_the_date_where_it_was_made():
    """At 23:30 UTC on 1 December it is already the 2nd in Auckland and still the 1st in
    Los Angeles: a promise due on the 1st is overdue there, and due today here."""
    now = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)
    dates = {AUCKLAND: today_in("Pacific/Auckland", now),
             LOS_ANGELES: today_in("America/Los_Angeles", now)}
    assert dates == {AUCKLAND: date(2026, 12, 2), LOS_ANGELES: date(2026, 12, 1)}
    rows = [promise("2026-12-01", AUCKLAND), promise("2026-12-01", LOS_ANGELES),
            promise("2026-12-08", LOS_ANGELES), promise("2026-12-09", LOS_ANGELES),
            promise("2026-12-09", AUCKLAND), promise("2026-12-10", AUCKLAND)]
    lists = by_due_date(rows, lambda row: dates[row["conference_id"]], WEEK)
    assert lists == {"overdue_promises": [rows[0]], "due_promises": rows[1:3] + [rows[4]]}


def test_a_day_is_its_own_midnight_to_midnight_even_when_the_clocks_change():
    assert day_span("Pacific/Auckland", date(2026, 12, 2)) == (
        "2026-12-01T11:00:00.000000Z", "2026-12-02T11:00:00.000000Z")
    start, end = day_span("America/Los_Angeles", date(2026, 11, 1))
    assert (start, end) == ("2026-11-01T07:00:00.000000Z", "2026-11-02T08:00:00.000000Z")
    assert local(start, "America/Los_Angeles").hour == 0


def test_an_event_without_a_time_zone_keeps_utc():
    now = datetime(2026, 12, 1, 23, 30, tzinfo=timezone.utc)
    assert today_in(None, now) == date(2026, 12, 1)
    assert local("2026-12-01T23:30:00.000000Z", None).hour == 23
