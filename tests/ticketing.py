"""Attendee lists as pretix and Eventbrite export them, for the import's tests: the real
column layouts (pretix's order positions repeat "Company" and "Address" for the invoice),
written with the separator and encoding a test asks for."""

from __future__ import annotations

import csv
import io
from pathlib import Path

PRETIX_EXPORTS = Path(__file__).parent / "data" / "pretix-2026.8"
"""Files made by a real pretix 2026.8.0's exporters (see the README there)."""
PRETIX = ["Event slug", "Order code", "Position ID", "Status", "Email", "Phone number",
          "Order date", "Order time", "Product", "Variation", "Price", "Tax rate", "Tax rule",
          "Tax value", "Attendee name", "Attendee name: Given name",
          "Attendee name: Family name", "Attendee email", "Company", "Job Title", "Address",
          "ZIP code", "City", "Country", "State", "Voucher", "Pseudonymization ID", "Seat ID",
          "Seat name", "Seat zone", "Seat row", "Seat number", "Order comment", "Company",
          "Invoice address name", "Address", "ZIP code", "City", "Country", "State", "VAT ID",
          "Sales channel", "Order locale", "Payment providers"]
PRETIX_CHECKIN = ["Order code", "Attendee name", "Product", "Price", "Checked in",
                  "Checked out", "Automatically checked in", "Secret", "E-mail", "Company",
                  "Voucher code", "Order date", "Requires special attention", "Comment",
                  "Seat ID", "Seat name", "Seat zone", "Seat row", "Seat number"]
SHEET = ["Ticket id", "Name", "Email", "Company", "Job title", "Check-in lists"]
"""A sheet an organizer made: the generic preset, whose "Check-in lists" limit a ticket."""
EVENTBRITE = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity",
              "Price Tier", "Ticket Type", "Attendee #", "Group", "Order Type", "Currency",
              "Total Paid", "Fees Paid", "Eventbrite Fees", "Eventbrite Payment Processing",
              "Attendee Status", "Job Title", "Company"]


def pretix_row(order: str, position: int, name: str, email: str, company: str = "",
               job: str = "", product: str = "Main entrance") -> dict[str, str]:
    given, _, family = name.partition(" ")
    return {"Event slug": "summit", "Order code": order, "Position ID": str(position),
            "Status": "Paid", "Email": "buyer@example.org", "Order date": "2026-10-01",
            "Product": product, "Price": "120.00", "Attendee name": name,
            "Attendee name: Given name": given, "Attendee name: Family name": family,
            "Attendee email": email, "Company": company, "Job Title": job,
            "Sales channel": "web", "Order locale": "en"}


def sheet_row(ticket: str, name: str, email: str, company: str = "", job: str = "",
              lists: str = "Main entrance") -> dict[str, str]:
    return {"Ticket id": ticket, "Name": name, "Email": email, "Company": company,
            "Job title": job, "Check-in lists": lists}


def eventbrite_row(number: int, first: str, last: str, email: str, company: str = "",
                   job: str = "", ticket: str = "Main entrance") -> dict[str, str]:
    return {"Order #": f"9{number:05}", "First Name": first, "Last Name": last, "Email": email,
            "Quantity": "1", "Ticket Type": ticket, "Attendee #": f"1{number:06}",
            "Attendee Status": "Attending", "Job Title": job, "Company": company}


def csv_text(header: list[str], rows: list[dict[str, str]], separator: str = ",") -> str:
    """Each row's values under the first column of their name; the rest left empty, as the
    exports leave what they do not know."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") if header.index(name) == i else ""
                         for i, name in enumerate(header)])
    return out.getvalue()


def sheet_csv(rows: list[dict[str, str]]) -> str:
    return csv_text(SHEET, rows)


def pretix_csv(rows: list[dict[str, str]], separator: str = ",") -> str:
    return csv_text(PRETIX, rows, separator)


def nameless(export: str, rows: int) -> bytes:
    """A real pretix CSV export with its first ``rows`` attendee names blanked: that many
    rows refused, each for its missing name."""
    table = list(csv.reader(io.StringIO((PRETIX_EXPORTS / export).read_text("utf-8"))))
    column = table[0].index("Attendee name")
    for row in table[1:rows + 1]:
        row[column] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(table)
    return out.getvalue().encode()
