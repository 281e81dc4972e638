"""The dashboard's hours: counted per UTC hour, read on the event's clock, a day at a time,
and drawn as bars on one scale."""

from datetime import date, datetime, timezone

from goodwill.http.pages.present import charts, event_hours


def counted(*hours: str, metric: str = "arrival", value: int = 1) -> list[dict]:
    return [{"hour": hour, "metric": metric, "value": value} for hour in hours]


LATER = datetime(2027, 1, 1, tzinfo=timezone.utc)


def test_an_hour_reads_on_the_events_clock_and_belongs_to_its_day_there():
    assert event_hours.clock("2026-11-25T03:00Z", "Asia/Kolkata") == "08:30"
    assert event_hours.day_of("2026-11-25T23:00Z", "Europe/Berlin") == date(2026, 11, 26)
    assert event_hours.day_of("2026-11-25T23:00Z", "America/New_York") == date(2026, 11, 25)


def test_a_day_runs_from_its_first_counted_hour_to_its_last_or_to_now():
    rows = counted("2026-11-25T08:00Z", "2026-11-25T10:00Z", "2026-11-26T09:00Z")
    assert event_hours.day_hours(rows, "UTC", date(2026, 11, 25), LATER) == [
        "2026-11-25T08:00Z", "2026-11-25T09:00Z", "2026-11-25T10:00Z"]
    now = datetime(2026, 11, 26, 11, 30, tzinfo=timezone.utc)
    assert event_hours.day_hours(rows, "UTC", date(2026, 11, 26), now) == [
        "2026-11-26T09:00Z", "2026-11-26T10:00Z", "2026-11-26T11:00Z"]
    assert event_hours.day_hours(rows, "UTC", date(2026, 11, 27), LATER) == []


def test_the_day_the_clocks_go_back_has_25_hours_shown_in_spans_of_three():
    rows = counted("2026-10-24T22:00Z", "2026-10-25T22:00Z")  # Berlin's midnight to 23:00
    hours = event_hours.day_hours(rows, "Europe/Berlin", date(2026, 10, 25), LATER)
    spans = event_hours.spans(hours)
    assert len(hours) == 25 and [len(span) for span in spans] == [3] * 8 + [1]
    assert event_hours.span_label(spans[0], "Europe/Berlin") == "00:00–02:00"  # 02:00 twice
    assert event_hours.span_label(spans[-1], "Europe/Berlin") == "23:00"


def test_a_span_sums_its_hours():
    rows = [*counted("2026-11-25T08:00Z", "2026-11-25T09:00Z", value=2),
            *counted("2026-11-25T09:00Z", metric="connection", value=5)]
    spans = [["2026-11-25T08:00Z", "2026-11-25T09:00Z"], ["2026-11-25T10:00Z"]]
    assert event_hours.per_span(rows, spans) == {"arrival": [4, 0], "connection": [5, 0]}


def test_the_day_shown_is_today_while_the_event_runs_else_the_last_counted():
    event = {"starts_on": "2026-11-25", "ends_on": "2026-11-26", "timezone": "Europe/Berlin"}
    rows = counted("2026-11-24T17:00Z")  # a setup evening, before the first day
    days = event_hours.event_days(event, rows)
    assert days == [date(2026, 11, 24), date(2026, 11, 25), date(2026, 11, 26)]
    during = datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc)  # 00:30 on the 26th there
    assert event_hours.shown_day(days, rows, "Europe/Berlin", during) == date(2026, 11, 26)
    assert event_hours.shown_day(days, rows, "Europe/Berlin", LATER) == date(2026, 11, 24)
    assert event_hours.shown_day(days, [], "Europe/Berlin", LATER) == date(2026, 11, 24)


def test_bars_share_one_scale_and_leave_out_empty_hours():
    chart = charts.bar_chart(["08:00", "09:00", "10:00"], [50, 0, 100])
    assert [(bar.value, bar.height) for bar in chart.series.bars] == [
        (50, charts.BAR_HEIGHT // 2), (100, charts.BAR_HEIGHT)]
    assert chart.series.path.count("M") == 2
    rows = charts.rows_chart(["08:00", "09:00"], {"Advice": [3, 1], "Referral": [0, 0]})
    assert [(row.name, row.total) for row in rows.rows] == [("Advice", 4)]


def test_hour_labels_never_crowd():
    labels = [f"{hour:02}:00" for hour in range(12)]
    chart = charts.bar_chart(labels, [1] * 12)
    assert [label for _, label in chart.ticks] == labels[::2]
