"""What an event's organizers take away: attendees and check-ins, the scan log, who met
whom, who gave what, the attendees' timelines and the event's figures — each streamed a
page at a time and cut to what the attendees consented to share (each module says how).

The HTTP downloads and ``goodwill export`` both read them from this catalogue.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from goodwill.database import Reader
from goodwill.exports import attendees, connections, figures, gives, scans, timelines
from goodwill.exports.graphml import graphml
from goodwill.exports.tabular import as_csv, as_xlsx

CSV = "text/csv"
"""Litestar adds ``; charset=utf-8`` to every text type."""


@dataclass(frozen=True)
class Export:
    name: str
    """The file name's ending, and the export's name in URLs and on the command line."""
    title: str
    about: str
    """What it holds, in a line, for the organizers' list of downloads."""
    media_type: str
    write: Callable[[Reader, dict[str, Any]], AsyncIterator[bytes]]
    """From a reader and the event's row (as ``directory.conference`` returns it)."""


EXPORTS = {export.name: export for export in (
    Export("attendees.csv", "Attendees with check-in status (CSV)",
           "Every attendee; profiles only of those who share them with you.", CSV,
           as_csv(attendees.table)),
    Export("attendees.xlsx", "Attendees with check-in status (Excel)",
           "The same rows as a workbook.",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           as_xlsx(attendees.table, "Attendees")),
    Export("scan-log.csv", "Scan log (CSV)",
           "Every scan with the device's and the server's time; names only where shared.",
           CSV, as_csv(scans.table)),
    Export("connections.csv", "Connections as an edge list (CSV)",
           "Who met whom, when both share their profile with you.", CSV,
           as_csv(connections.table)),
    Export("connections.graphml", "Connections as a graph (GraphML, opens in Gephi)",
           "The same connections, with a node for everyone who shares.",
           "application/graphml+xml", graphml),
    Export("gives.csv", "Gives and receives per attendee, by kind (CSV)",
           "Totals for those who share their profile with you.", CSV, as_csv(gives.table)),
    Export("timelines.ndjson", "Timelines (NDJSON)",
           "The timelines of those who share, without their private notes.",
           "application/x-ndjson", timelines.ndjson),
    Export("figures.json", "Event figures (JSON)",
           "Counts hour by hour and in total; they count everyone.", "application/json",
           figures.json_document),
)}


def filename(event: dict[str, Any], export: Export) -> str:
    """``<event-slug>-<export>``, in plain ASCII so every browser and shell takes it."""
    ascii_name = unicodedata.normalize("NFKD", event["name"]).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-")
    return f"{slug or 'event'}-{export.name}"
