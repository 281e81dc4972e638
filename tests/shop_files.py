"""The shops' other file layouts, made from the real pretix 2026.8.0 order positions export
the way each is made, so every layout carries the same 343 paid positions:

- pretix's other CSV dialects: "CSV (with semicolons)" and "CSV (Excel-style)" (its
  exporters write both with Python's ``excel`` dialect: quotes only where needed, CRLF;
  the Excel-style one with a byte-order mark so Excel reads UTF-8);
- the comma CSV as Excel on a Western Windows saves it ("CSV" in Windows-1252): letters
  the code page lacks ("ễ", "ř") become "?";
- Eventbrite's attendee report, as CSV and as .xlsx: first and last name, the attendee's
  email or, where the organizer collected none per attendee, the buyer's, "Attendee #",
  "Ticket Type", "Attendee Status" and the custom questions as columns;
- 10,000 positions: the real ones repeated under new order codes and emails.

The derived files are kept in ``tests/data/derived/`` so they can be imported by hand;
``python -m tests.shop_files`` makes them again and a test checks they are current."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook

from tests.ticketing import PRETIX_EXPORTS

POSITIONS = PRETIX_EXPORTS / "techconf26_orderlist_positions_comma.csv"
DERIVED = Path(__file__).parent / "data" / "derived"
EVENTBRITE = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity",
              "Price Tier", "Ticket Type", "Attendee #", "Group", "Order Type", "Currency",
              "Total Paid", "Fees Paid", "Eventbrite Fees", "Eventbrite Payment Processing",
              "Attendee Status", "Job Title", "Company", "What do you offer?",
              "What do you need?"]


def positions() -> list[list[str]]:
    return list(csv.reader(io.StringIO(POSITIONS.read_text("utf-8"))))


def written(table: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, dialect="excel", delimiter=delimiter).writerows(table)
    return out.getvalue()


def semicolon() -> bytes:
    return written(positions(), ";").encode("utf-8")


def excel_style() -> bytes:
    return written(positions()).encode("utf-8-sig")


def windows_1252() -> bytes:
    return POSITIONS.read_text("utf-8").encode("cp1252", "replace")


def eventbrite_table() -> list[list[str]]:
    header, *rows = positions()
    at = {name: header.index(name) for name in header[::-1]}  # a repeated name: its first
    table, orders = [EVENTBRITE], {}
    for number, row in enumerate(rows, start=1):
        product, variation = row[at["Product"]], row[at["Variation"]]
        order = orders.setdefault(row[at["Order code"]], 7_200_000_000 + len(orders))
        table.append([
            str(order), row[at["Order date"]],
            row[at["Attendee name: Given name"]], row[at["Attendee name: Family name"]],
            row[at["Attendee email"]] or row[at["Email"]], "1", "",
            f"{product} - {variation}" if variation else product,
            f"{3_000_000_000 + number}", "", "Eventbrite Completed", "EUR",
            row[at["Price"]], "0.00", "0.00", "0.00", "Attending", row[at["Job title"]],
            row[at["Attendee company"]], row[at["What do you offer?"]],
            row[at["What do you need?"]]])
    return table


def eventbrite_csv() -> bytes:
    return written(eventbrite_table()).encode("utf-8")


def eventbrite_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Attendees"
    for row in eventbrite_table():
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ten_thousand() -> bytes:
    """10,000 positions: copy n of the real ones has order codes and emails of its own, so
    each copy's people are new and its colleagues still share their buyer's email."""
    header, *rows = positions()
    code, email, attendee = (header.index(name) for name in ("Order code", "Email",
                                                             "Attendee email"))
    table = [header]
    while len(table) <= 10_000:
        copy = (len(table) - 1) // len(rows)
        for row in rows[:10_001 - len(table)]:
            row = list(row)
            row[code] = f"{row[code]}{copy:02}"
            for column in (email, attendee):
                if row[column]:
                    row[column] = f"c{copy}.{row[column]}"
            table.append(row)
    return written(table).encode("utf-8")


FILES = {"techconf26_orderlist_positions_semicolon.csv": semicolon,
         "techconf26_orderlist_positions_excel.csv": excel_style,
         "techconf26_orderlist_positions_windows-1252.csv": windows_1252,
         "eventbrite_attendees.csv": eventbrite_csv}
"""Kept in DERIVED. The workbook (its zip's timestamps differ each time) and the 10,000
rows (5 MB) are made when wanted."""


def main() -> None:
    DERIVED.mkdir(exist_ok=True)
    for name, make in FILES.items():
        (DERIVED / name).write_bytes(make())
    print(f"wrote {len(FILES)} files to {DERIVED}")


if __name__ == "__main__":
    main()
