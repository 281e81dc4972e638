"""The rows an import would not take, as the file had them, with why in a last column: the
organizer fixes just those in a spreadsheet and uploads them again."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from goodwill.exports.tabular import BOM, text
from goodwill.imports.table import read_table

WHY = "Why not imported"


def rejected_csv(content: str, separator: str, bad: Sequence[Sequence]) -> str:
    """``bad`` is (line, reason) pairs; written with the file's own separator, so the
    spreadsheet that made the file opens it the same way. Cells a spreadsheet would run as a
    formula are defused, as in every export: the values came from whoever bought the ticket."""
    table = read_table(content, separator)
    by_line = {record.line: record.values for record in table.records}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator)
    writer.writerow([*table.header, WHY])
    width = len(table.header)
    for line, reason in bad:
        values = by_line.get(line, [])[:width]
        writer.writerow([text(v) for v in [*values, *[""] * (width - len(values)), reason]])
    return BOM + buffer.getvalue()
