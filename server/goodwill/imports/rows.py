"""Each record's form, checked before anything is decided: a name, an email that looks like
one, values of a sane length, and no second row for one email or ticket id. A bad row is
kept with its line and reason, never dropped; no reason repeats a value from the row, since
reasons are kept after the file is gone."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from goodwill.application.import_rows import ImportRow
from goodwill.imports.holders import LONGEST_TYPE, Holders, Refused
from goodwill.imports.presets import FIELDS, JOINERS, Mapping, value
from goodwill.imports.table import Record, Table

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LONGEST = {"name": 120, "email": 254, "company": 120, "role": 120, "offers": 2000,
           "needs": 2000, "external_id": 200, "ticket_type": LONGEST_TYPE, "lists": 200}
LIST_SEPARATORS = re.compile(r"[;|,]")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
"""Left after whitespace is made spaces; a NUL would stop PostgreSQL's read models."""
STANDING = {"paid", "attending", "checked in"}
"""Statuses (pretix's, Eventbrite's) of a ticket that admits its holder."""
PENDING = "pending"
VARIATION = JOINERS["ticket_type"]
"""Between a product and its variation: "Workshop day – Track A"."""
ListsByType = dict[str, tuple[str, ...]]
"""Ticket type (or product) → the check-in lists that admit it, as the organizer says."""


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str


class Bad(ValueError):
    """Why one row cannot be imported."""


@dataclass
class Checked:
    rows: list[ImportRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    """Rows whose ticket does not stand (canceled, pending…), counted by their status."""
    further: int = 0
    """Rows that were another ticket of a person in ``rows``."""
    products: dict[str, int] = field(default_factory=dict)
    """Each product (a ticket type without its variation) of a good row, by its rows."""


def check(table: Table, mapping: Mapping, status_column: int | None = None,
          pending: bool = False, lists_by_type: ListsByType | None = None,
          buyers_email: bool = False) -> Checked:
    """The rows to import, one per person, and the bad ones, both in file order, and the
    rows passed over for their status: only tickets that stand are imported, pending ones too if asked. A row
    that names no check-in list gets the lists ``lists_by_type`` gives its ticket type.
    ``buyers_email``: a one-column email may be the buyer's (see ``Preset.buyers_email``)."""
    checked, holders = Checked(), Holders()
    for record in table.records:
        status = value(record.values, () if status_column is None else (status_column,), "")
        if status and status.casefold() not in STANDING | ({PENDING} if pending else set()):
            checked.skipped[status.casefold()] += 1
            continue
        try:
            row = row_of(record, mapping, len(table.header))
            if product := row.ticket_type.split(VARIATION)[0]:
                checked.products[product] = checked.products.get(product, 0) + 1
            if lists_by_type and not row.lists:
                row = replace(row, lists=lists_for(row.ticket_type, lists_by_type))
            holders.take(row, borrowed=borrows_email(record, mapping, buyers_email))
        except (Bad, Refused) as reason:
            checked.bad.append(BadRow(record.line, str(reason)))
    checked.rows, checked.further = holders.rows, holders.further
    return checked


def borrows_email(record: Record, mapping: Mapping, buyers_email: bool) -> bool:
    """Whether the row's email may be the buyer's: it came from a column after the first
    (the order's, where the attendee's own was not asked), or the file's one column may
    hold either."""
    columns = mapping.get("email", ())
    if len(columns) == 1:
        return buyers_email
    return not value(record.values, columns[:1], "email")


def lists_for(ticket_type: str, lists_by_type: ListsByType) -> tuple[str, ...]:
    """The lists named for the type, or for its product alone: "Workshop day" stands for
    "Workshop day – Track A" too. A type not named opens every entrance."""
    wanted = ticket_type.casefold()
    return tuple(name for product, names in lists_by_type.items() for name in names
                 if wanted == product.casefold()
                 or wanted.startswith(product.casefold() + VARIATION))


def row_of(record: Record, mapping: Mapping, width: int) -> ImportRow:
    if any(v.strip() for v in record.values[width:]):
        raise Bad(f"It has more values than the header has columns ({width}):"
                  " is a separator inside a value without quotes?")
    fields = {name: value(record.values, mapping.get(name, ()), name) for name in FIELDS}
    for name in ("name", "email"):
        if not fields[name]:
            raise Bad(f"Missing {name}.")
    if not EMAIL.match(fields["email"]):
        raise Bad("The email address is not valid.")
    for name, most in LONGEST.items():
        if len(fields[name]) > most:
            raise Bad(f"{FIELDS[name]} is longer than {most} characters.")
        if CONTROL.search(fields[name]):
            raise Bad(f"{FIELDS[name]} holds a control character.")
    lists = tuple(part.strip() for part in LIST_SEPARATORS.split(fields.pop("lists")))
    return ImportRow(line=record.line, lists=tuple(part for part in lists if part), **fields)
