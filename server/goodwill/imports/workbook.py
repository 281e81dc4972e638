"""Excel workbooks (.xlsx), read by openpyxl in read-only mode and handed on as CSV text, so
the rest of the import reads them as it reads any export, and a job keeps them as text.

The sheet is pretix's "Order positions" where the workbook has one (its combined order
export also has Orders and Order fees), else the first. A cell's line breaks become spaces,
so a row's line in the preview is its row number in Excel.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, time

from openpyxl import load_workbook

from goodwill.imports.table import MOST_ROWS, FileProblem

PREFERRED_SHEETS = ("Order positions",)
WORKBOOK = "Excel workbook"
"""How a workbook's encoding is said; its sheet is then made CSV text, commas between."""
NOT_A_WORKBOOK = ("This is a ZIP archive but no Excel workbook (.xlsx): export the attendees"
                  " as CSV or Excel.")


def workbook_as_csv(data: bytes) -> tuple[str, str]:
    """The chosen sheet as CSV text, and how it was read, in words for the preview."""
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileProblem(NOT_A_WORKBOOK) from None
    try:
        name = next((n for n in PREFERRED_SHEETS if n in book.sheetnames), book.sheetnames[0])
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for number, row in enumerate(book[name].iter_rows(values_only=True), start=1):
            if number > MOST_ROWS + 1:
                raise FileProblem(f"The sheet has more than {MOST_ROWS:,} rows: split it.")
            writer.writerow([cell_text(value) for value in row])
    finally:
        book.close()
    return out.getvalue(), f"{WORKBOOK}, sheet '{name}'"


def cell_text(value: object) -> str:
    """As the sheet shows it: 7 not 7.0, a day as 2026-06-02, line breaks as spaces."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime, date, time)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return " ".join(str(value).splitlines())
