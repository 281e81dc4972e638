"""An event somewhere whose date is not UTC's right now, chosen anew at each run: a test of
"today" then fails if the server dates anything by UTC, at whatever hour it runs, and no
clock is mocked."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

ZONES = ("Pacific/Kiritimati", "Pacific/Auckland", "Asia/Tokyo", "America/Los_Angeles",
         "Pacific/Honolulu", "Pacific/Pago_Pago", "Etc/GMT+12")
"""From UTC+14 to UTC-12: at any hour one of them is on another date than UTC."""


def to_midnight(moment: datetime) -> timedelta:
    """How far the local time is from the nearer midnight."""
    since = moment - moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return min(since, timedelta(days=1) - since)


def off_utc(now: datetime | None = None) -> tuple[str, date]:
    """The zone, and its date, whose date differs from UTC's and whose clock is furthest
    from midnight (an hour or more), so that date holds while a test runs."""
    now = now or datetime.now(timezone.utc)
    local = {zone: now.astimezone(ZoneInfo(zone)) for zone in ZONES}
    zone = max((z for z in ZONES if local[z].date() != now.date()),
               key=lambda z: to_midnight(local[z]))
    return zone, local[zone].date()


def move(summit, zone: str) -> None:
    """The summit's event, now taking place in ``zone``."""
    summit.api.do(summit.organizer, f"/events/{summit.event_id}/details",
                  name="Reciprocity Summit", starts_on="2026-11-25", ends_on="2026-11-26",
                  timezone=zone)
