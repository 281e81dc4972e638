"""Each event keeps its own calendar. What is overdue and what happened "today" is read on the
clock where the event happens, never the server's: at 09:00 in Auckland it is already
tomorrow there while UTC is still on yesterday."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from uuid import UUID
from zoneinfo import ZoneInfo

from goodwill.http.core.markers import Reads
from goodwill.projections import glance
from goodwill.projections.engine.base import iso


def zone(name: str | None) -> tzinfo:
    """An event's time zone; UTC for one without (none is created so)."""
    return ZoneInfo(name) if name else timezone.utc


def today_in(name: str | None, now: datetime | None = None) -> date:
    return (now or datetime.now(timezone.utc)).astimezone(zone(name)).date()


def day_span(name: str | None, day: date) -> tuple[str, str]:
    """When ``day`` starts there and when the next one does, as the read models' UTC text:
    a day of 23 or 25 hours, when the clocks change, is still one day."""
    start, end = (datetime.combine(d, time.min, tzinfo=zone(name))
                  for d in (day, day + timedelta(days=1)))
    return iso(start), iso(end)


def local(moment: str, name: str | None) -> datetime:
    """A read model's UTC text as the time on the event's clocks."""
    return datetime.fromisoformat(moment).astimezone(zone(name))


async def event_dates(reader: Reads, person: UUID,
                      now: datetime | None = None) -> tuple[date, dict[str, date]]:
    """Today at each event the person attends, and today at the latest of them for whatever
    names no event (UTC's date if they attend none)."""
    events = await glance.attended(reader, person)
    dates = {e["conference_id"]: today_in(e["timezone"], now) for e in events}
    latest = today_in(events[-1]["timezone"], now) if events else today_in(None, now)
    return latest, dates
