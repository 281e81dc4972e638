"""The figures are counted per UTC hour; organizers read them on the event's clock, one
event day at a time. A UTC hour belongs to the day its start falls on there (in a zone
half an hour off UTC it reads 09:30), and a day of 23 or 25 hours keeps every hour. A long
day is shown in spans of two hours or more, so a chart never has more than ``MAX_SPANS``
bars: they stay readable from the back of a room, and the page stays small."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from goodwill.http.event_days import zone

MAX_SPANS = 12
ONE_HOUR = timedelta(hours=1)


def start_of(hour: str) -> datetime:
    return datetime.fromisoformat(hour)


def hour_of(moment: datetime) -> str:
    """As the figures name an hour: ``YYYY-MM-DDTHH:00Z``."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:00Z")


def day_of(hour: str, zone_name: str | None) -> date:
    return start_of(hour).astimezone(zone(zone_name)).date()


def clock(hour: str, zone_name: str | None) -> str:
    return f"{start_of(hour).astimezone(zone(zone_name)):%H:%M}"


def event_days(event: dict[str, Any], rows: list[dict[str, Any]]) -> list[date]:
    """The event's dates, and any other day something was counted on (a setup day, an
    evening that ran past midnight)."""
    first, last = date.fromisoformat(event["starts_on"]), date.fromisoformat(event["ends_on"])
    dates = {first + timedelta(days=n) for n in range((last - first).days + 1)}
    return sorted(dates | {day_of(r["hour"], event["timezone"]) for r in rows})


def shown_day(days: list[date], rows: list[dict[str, Any]], zone_name: str | None,
              now: datetime) -> date:
    """Today while the event runs; else the last day anything was counted on; else its
    first day."""
    today = now.astimezone(zone(zone_name)).date()
    counted = [day_of(r["hour"], zone_name) for r in rows]
    return today if today in days else max(counted, default=days[0])


def day_hours(rows: list[dict[str, Any]], zone_name: str | None, day: date,
              now: datetime) -> list[str]:
    """The day's hours from the first one anything was counted in to the last one, or to
    the current hour on the day that is today."""
    ends = [r["hour"] for r in rows if day_of(r["hour"], zone_name) == day]
    if day_of(hour_of(now), zone_name) == day:
        ends.append(hour_of(now))
    if not ends:
        return []
    first, last = start_of(min(ends)), start_of(max(ends))
    count = int((last - first) / ONE_HOUR) + 1
    return [hour_of(first + n * ONE_HOUR) for n in range(count)]


def spans(hours: list[str]) -> list[list[str]]:
    """Consecutive hours in spans of equal length, at most ``MAX_SPANS`` of them."""
    size = -(-len(hours) // MAX_SPANS)
    return [hours[n:n + size] for n in range(0, len(hours), size)]


def span_label(span: list[str], zone_name: str | None) -> str:
    """``09:00``, or ``09:00–11:00`` for a span of two hours."""
    if len(span) == 1:
        return clock(span[0], zone_name)
    end = hour_of(start_of(span[-1]) + ONE_HOUR)
    return f"{clock(span[0], zone_name)}–{clock(end, zone_name)}"


def per_span(rows: list[dict[str, Any]], spans: list[list[str]]) -> dict[str, list[int]]:
    """Each metric's sum in each span, 0 where nothing was counted."""
    at = {hour: n for n, span in enumerate(spans) for hour in span}
    series: dict[str, list[int]] = {}
    for row in rows:
        if row["hour"] in at:
            series.setdefault(row["metric"], [0] * len(spans))[at[row["hour"]]] += row["value"]
    return series
