"""``/metrics`` in Prometheus' text format: how far each read model trails the log and how
many events it could not apply, read from the store at each scrape so every worker reports
the same numbers."""

from __future__ import annotations

from collections.abc import Iterator

from litestar import Response, get
from litestar.datastructures import State
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric

from goodwill.projections.engine import failures
from goodwill.projections.engine.runner import ProjectionRunner


class ReadSide:
    """A collector asked at scrape time, so nothing is counted in a worker's memory."""

    def __init__(self, runner: ProjectionRunner) -> None:
        self.runner = runner

    def collect(self) -> Iterator[Metric]:
        statuses = self.runner.status()
        with self.runner.writer.transaction() as tx:
            failed = failures.counts(tx)
        lag = GaugeMetricFamily("goodwill_projection_lag_events",
                                "Events recorded that the read model has not applied yet.",
                                labels=["projection"])
        stuck = GaugeMetricFamily("goodwill_projection_failures",
                                  "Events the read model could not apply, not yet retried"
                                  " or skipped.", labels=["projection"])
        for status in statuses:
            lag.add_metric([status.name], status.lag)
            stuck.add_metric([status.name], failed.get(status.name, 0))
        yield lag
        yield stuck


@get("/metrics", tags=["health"], sync_to_thread=True, include_in_schema=False)
def metrics(state: State) -> Response[bytes]:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(ReadSide(state.system.runner))
    return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
