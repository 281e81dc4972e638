"""Tables as CSV and as XLSX, written page by page as the rows arrive.

CSV is UTF-8 with a byte order mark, comma-separated, a header row, CRLF line ends and
RFC 4180 quoting (Python's ``excel`` dialect): Excel takes the BOM as its cue to read UTF-8
(without it, names like "Zoë" come out garbled), and pandas' ``read_csv`` and Python's
``csv`` with ``encoding="utf-8-sig"`` skip it. Booleans are ``true``/``false``, which pandas
reads as booleans; times are ISO 8601 in UTC.

Formula injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a tab or carriage return before one) as a formula, so attendee-typed text like
``=HYPERLINK(…)`` could act when an organizer opens the file. In CSV such a text cell gets a
leading apostrophe, which Excel shows as a text marker; numbers and booleans are ours and
left alone. In XLSX every text is written as a string cell, which no spreadsheet evaluates,
so no apostrophe is needed there.

XLSX is written by ``xlsxwriter`` in its ``constant_memory`` mode, each row flushed to a
temporary file as soon as the next begins, and the finished workbook is streamed from disk
and deleted: a zip's directory comes last, so the first byte goes out once the whole file
is written, but memory stays flat.
"""

from __future__ import annotations

import asyncio
import csv
import io
import tempfile
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import xlsxwriter

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Table:
    """Column names, then the rows a page at a time; values are str, int, bool or None."""

    columns: tuple[str, ...]
    pages: AsyncIterator[list[tuple[Any, ...]]]


Source = Callable[[Any, dict[str, Any]], Table]
"""Builds an export's table from a reader and the event's row."""


def text(value: Any) -> str:
    """One CSV cell: text that a spreadsheet would run as a formula is defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return str(value)


async def csv_chunks(table: Table) -> AsyncIterator[bytes]:
    """The header at once, then one chunk per page of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    yield (BOM + buffer.getvalue()).encode()
    async for page in table.pages:
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([text(value) for value in row] for row in page)
        yield buffer.getvalue().encode()


async def xlsx_chunks(table: Table, sheet_name: str) -> AsyncIterator[bytes]:
    with tempfile.TemporaryDirectory(prefix="goodwill-export-") as folder:
        path = Path(folder) / "export.xlsx"
        book = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": folder})
        sheet = book.add_worksheet(sheet_name[:31])
        sheet.freeze_panes(1, 0)
        write_row(sheet, 0, table.columns, book.add_format({"bold": True}))
        written = 1
        async for page in table.pages:
            await asyncio.to_thread(write_rows, sheet, written, page)
            written += len(page)
        await asyncio.to_thread(book.close)
        with path.open("rb") as file:
            while chunk := await asyncio.to_thread(file.read, CHUNK):
                yield chunk


def write_rows(sheet: Any, first: int, rows: list[tuple[Any, ...]]) -> None:
    for number, row in enumerate(rows, first):
        write_row(sheet, number, row)


def write_row(sheet: Any, number: int, row: tuple[Any, ...], style: Any = None) -> None:
    """Each value as its own cell type; text never as a formula, whatever it starts with."""
    for column, value in enumerate(row):
        if isinstance(value, bool):
            sheet.write_boolean(number, column, value, style)
        elif isinstance(value, int):
            sheet.write_number(number, column, value, style)
        elif value is not None:
            sheet.write_string(number, column, str(value), style)


def as_csv(source: Source) -> Callable[[Any, dict[str, Any]], AsyncIterator[bytes]]:
    return lambda reader, event: csv_chunks(source(reader, event))


def as_xlsx(source: Source, sheet_name: str) -> Callable[[Any, dict[str, Any]],
                                                         AsyncIterator[bytes]]:
    return lambda reader, event: xlsx_chunks(source(reader, event), sheet_name)
