"""The live dashboard an event's organizers keep open on a laptop or a projector: who is
inside, who arrived when and where, and the value the event creates as it grows.

One URL: the page, with a Refresh link that works without scripts, or, for htmx's poll
every few seconds, only the part that changes. It reads the same read models as the API's
figures and check-in counts.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Annotated, Any
from uuid import UUID

from litestar import Request, get
from litestar.params import QueryParameter
from litestar.response import Template

from goodwill.domain.give import KINDS
from goodwill.http.pages.present import charts, event_hours
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.event_days import zone
from goodwill.http.pages.forms.common import page
from goodwill.http.core.markers import Actor, PathId, Reads
from goodwill.projections import checkins, conflicts, figures

Day = Annotated[date | None, QueryParameter(description="An event day; today by default.")]
POLL_SECONDS = 5
CONFLICTS_SHOWN = 5
"""The newest conflicts only: the live part stays small; the API lists them all."""


@get("/events/{conference_id:uuid}/dashboard")
async def dashboard_page(request: Request, conference_id: PathId, reader: Reads, actor: Actor,
                         day: Day = None) -> Template:
    """Organizers of the event only: its figures are the event's, not any attendee's."""
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    counted = await figures.figures(reader, conference_id)
    now = datetime.now(timezone.utc)
    days = event_hours.event_days(event, counted["hours"])
    day = day or event_hours.shown_day(days, counted["hours"], event["timezone"], now)
    url = f"/events/{conference_id}/dashboard" + (f"?day={day}" if "day" in request.query_params
                                                   else "")
    return page(request, "organizer/dashboard.html", {
        "event": event, "url": url, "poll_seconds": POLL_SECONDS,
        "days": [(d, day_name(d)) for d in days], "day": day, "day_name": day_name(day),
        "as_of": f"{now.astimezone(zone(event['timezone'])):%H:%M:%S}",
        "tallies": await tallies(reader, conference_id, counted["totals"]),
        "entrances": await entrances(reader, event),
        "types": await checkins.by_ticket_type(reader, conference_id),
        "conflicts": await to_review(reader, event),
        **hourly(counted["hours"], event["timezone"], day, now)}, "organizer/_dashboard.html")


async def to_review(reader: Reads, event: dict[str, Any]) -> dict[str, Any]:
    """Tickets let in twice (or once revoked) by doors that were offline: how many, and the
    newest on the event's clock."""
    event_id, local = event["conference_id"], zone(event["timezone"])
    found = await conflicts.conflicts(reader, UUID(event_id))
    newest = [{**c, "at": f"{datetime.fromisoformat(c['scanned_at']).astimezone(local):%H:%M}"}
              for c in found[:CONFLICTS_SHOWN]]
    return {"count": len(found), "newest": newest}


def day_name(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


async def tallies(reader: Reads, conference_id: UUID,
                  totals: dict[str, int]) -> list[dict[str, Any]]:
    """The event's figures so far, each a label, a number (thousands marked, to be read
    across a room) and what it is out of."""
    gives = await figures.confirmed(reader, conference_id)
    share = f"{gives['confirmed'] / gives['gives']:.0%}" if gives["gives"] else "–"
    return [
        {"label": "Inside now", "value": f"{await checkins.inside_now(reader, conference_id):,}"},
        {"label": "Arrived", "value": f"{totals.get('arrival', 0):,}"},
        {"label": "Connections", "value": f"{totals.get('connection', 0):,}"},
        {"label": "Introductions", "value": f"{totals.get('introduction', 0):,}"},
        {"label": "Gives recorded", "value": f"{gives['gives'] - gives['introduced']:,}"},
        {"label": "Gives by introductions", "value": f"{gives['introduced']:,}"},
        {"label": "Thank-yous", "value": f"{totals.get('thanks', 0):,}"},
        {"label": "Confirmed by receivers", "value": share,
         "detail": f"{gives['confirmed']:,} of {gives['gives']:,} gives"},
    ]


async def entrances(reader: Reads, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Every check-in list, even one nobody has passed yet."""
    counts = await checkins.counts(reader, UUID(event["conference_id"]))
    return [{"name": name, **counts.get(key, {"checked_in": 0, "inside": 0})}
            for key, name in event["check_in_lists"].items()]


def hourly(rows: list[dict[str, Any]], zone_name: str | None, day: date,
           now: datetime) -> dict[str, Any]:
    """The day's charts, and the table that says their numbers in words."""
    hours = event_hours.day_hours(rows, zone_name, day, now)
    if not hours:
        return {"spans": []}
    spans = event_hours.spans(hours)
    starts = [event_hours.clock(span[0], zone_name) for span in spans]
    labels = [event_hours.span_label(span, zone_name) for span in spans]
    period = event_hours.span_label(hours, zone_name)
    columns, gives = per_hour(event_hours.per_span(rows, spans), len(spans))
    return {"spans": labels, "columns": columns,
            "arrivals": {"chart": charts.bar_chart(starts, columns["Arrivals"]),
                         "summary": said(period, labels, columns["Arrivals"], "arrivals")},
            "connections": {"chart": charts.bar_chart(starts, columns["Connections"]),
                            "summary": said(period, labels, columns["Connections"],
                                            "connections")},
            "gives": {"chart": charts.rows_chart(starts, gives),
                      "summary": said(period, labels, list(map(sum, zip(*gives.values()))),
                                      "gives")}}


def per_hour(series: dict[str, list[int]],
             count: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The table's columns, and the gives of each kind (every kind, for the chart's rows)."""
    zeros = [0] * count
    gives = {kind.capitalize(): series.get(f"give:{kind}", zeros) for kind in KINDS}
    return {"Arrivals": series.get("arrival", zeros),
            "Connections": series.get("connection", zeros),
            "Introductions": series.get("introduction", zeros),
            **{f"{kind} gives": values for kind, values in gives.items() if any(values)}}, gives


def said(period: str, labels: list[str], values: list[int], noun: str) -> str:
    """A chart in one sentence: its hours, its total and its busiest hour."""
    if not any(values):
        return f"No {noun} in {period}."
    peak = max(range(len(values)), key=values.__getitem__)
    return f"{sum(values)} {noun} in {period}; busiest {labels[peak]} with {values[peak]}."
