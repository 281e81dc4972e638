"""Charts as plain geometry for the SVG templates (``organizer/_charts.html``): bars per hour in a
fixed view box that the page scales to its width, so a laptop and a projector show the same
picture. A series' bars are one path (each bar a stroke as wide as the bar), so a chart is
a handful of elements however busy the day; the bars of one chart share one scale."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 640
EDGE = 8
VALUES = 24
"""Room above the tallest bar for its number."""
AXIS = 26
"""Room under the bars for the hour labels."""
BAR_HEIGHT = 150
ROW_HEIGHT = 36
ROW_LABELS = 170
"""Room left of each row of bars for its name and total."""
MAX_TICKS = 8
MAX_BAR_WIDTH = 56
"""A bar no wider than an hour's bar on a busy day, however few hours there are yet."""


@dataclass(frozen=True)
class Bar:
    x: int
    """The middle of the bar."""
    height: int
    value: int


@dataclass(frozen=True)
class Series:
    bars: list[Bar]
    baseline: int

    @property
    def path(self) -> str:
        return "".join(f"M{b.x} {self.baseline}v-{b.height}" for b in self.bars)


@dataclass(frozen=True)
class Row(Series):
    name: str
    total: int


@dataclass(frozen=True)
class Chart:
    ticks: list[tuple[int, str]]
    """Where each labelled hour's bar stands, and its label."""
    bar_width: int
    baseline: int
    left: int
    height: int
    width: int = WIDTH


@dataclass(frozen=True)
class BarChart(Chart):
    series: Series | None = None


@dataclass(frozen=True)
class RowsChart(Chart):
    rows: tuple[Row, ...] = ()


def middles(count: int, left: int) -> tuple[list[int], int]:
    """Where each hour's bar stands, and how wide a bar is to leave a gap between them."""
    slot = (WIDTH - EDGE - left) / max(count, 1)
    return ([round(left + (n + 0.5) * slot) for n in range(count)],
            max(1, min(MAX_BAR_WIDTH, round(slot * 0.7))))


def ticks(labels: list[str], places: list[int]) -> list[tuple[int, str]]:
    """At most ``MAX_TICKS`` labels, evenly spread, so they never run into each other."""
    every = -(-len(labels) // MAX_TICKS)
    return [(x, label) for n, (x, label) in enumerate(zip(places, labels)) if n % every == 0]


def series(values: list[int], places: list[int], baseline: int, height: int,
           top: int) -> Series:
    """The bars of the hours with something counted, ``top`` being ``height`` tall."""
    return Series([Bar(x, max(1, round(value / top * height)), value)
                   for x, value in zip(places, values) if value], baseline)


def bar_chart(labels: list[str], values: list[int]) -> BarChart:
    places, width = middles(len(labels), EDGE)
    baseline = VALUES + BAR_HEIGHT
    return BarChart(ticks(labels, places), width, baseline, EDGE, baseline + AXIS,
                    series=series(values, places, baseline, BAR_HEIGHT, max(values) or 1))


def rows_chart(labels: list[str], named: dict[str, list[int]]) -> RowsChart:
    """One row of bars per series that has any, on one scale, so rows compare."""
    places, width = middles(len(labels), ROW_LABELS)
    top = max((v for values in named.values() for v in values), default=0) or 1
    rows = []
    for name, values in named.items():
        if any(values):
            baseline = (len(rows) + 1) * ROW_HEIGHT
            found = series(values, places, baseline, ROW_HEIGHT - 6, top)
            rows.append(Row(found.bars, baseline, name, sum(values)))
    baseline = len(rows) * ROW_HEIGHT
    return RowsChart(ticks(labels, places), width, baseline, ROW_LABELS, baseline + AXIS,
                     rows=tuple(rows))
