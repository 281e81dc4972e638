"""Progress on a terminal, for the command line's long jobs."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class ProgressBar:
    """A one-line bar for work that reports (done, total) as it goes: ``runner.rebuild``
    after each batch of events, an import after each chunk of rows."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30,
                 unit: str = "events") -> None:
        self.stream, self.width, self.started = stream, width, time.monotonic()
        self.unit = unit

    def __call__(self, position: int, head: int) -> None:
        total = max(head, position, 1)
        rate = position / max(time.monotonic() - self.started, 1e-9)
        filled = self.width * position // total
        line = (f"[{'#' * filled}{'.' * (self.width - filled)}] {position / total:4.0%}"
                f"  {position}/{head} {self.unit}  {rate:,.0f} {self.unit}/s"
                f"  ETA {(total - position) / max(rate, 1e-9):.0f}s")
        self.stream.write(f"\r{line:<90}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
