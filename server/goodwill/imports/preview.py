"""A file made ready to import: how it was read, whose export it is, which columns feed
which field, the rows to import and the bad ones. The preview shows it; the import runs it;
the organizer may override the separator, the preset or the mapping, and it is made again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goodwill.application.import_rows import ImportRow
from goodwill.imports.decoding import decode
from goodwill.imports.presets import (Mapping, Preset, detect, mapping_for, mapping_named,
                                      preset_named)
from goodwill.imports.rows import BadRow, ListsByType, check
from goodwill.imports.table import SEPARATORS, read_table
from goodwill.imports.workbook import WORKBOOK

SHOWN = 10
"""Rows the preview shows as they will be imported; every bad row is shown."""


@dataclass(frozen=True)
class Prepared:
    encoding: str
    separator: str
    preset: Preset
    header: list[str]
    mapping: Mapping
    rows: list[ImportRow]
    bad: list[BadRow]
    skipped: dict[str, int]
    """Rows passed over for their ticket's status, counted by status."""
    further: int = 0
    """Rows that are another ticket of a person in ``rows``."""
    products: dict[str, int] | None = None
    """Each product of a good row, by its rows: what the organizer may give lists to."""

    @property
    def separator_name(self) -> str:
        return SEPARATORS.get(self.separator, repr(self.separator))

    @property
    def from_workbook(self) -> bool:
        """A workbook has cells, not separators: its sheet's commas are our own."""
        return self.encoding.startswith(WORKBOOK)

    @property
    def how_read(self) -> str:
        """"read as UTF-8, separated by semicolons", "read as Excel workbook, sheet 'X'"."""
        return f"read as {self.encoding}" + (
            "" if self.from_workbook else f", separated by {self.separator_name}s")

    @property
    def skipped_said(self) -> str:
        """"23 skipped (14 pending, 9 canceled)", or nothing."""
        if not self.skipped:
            return ""
        parts = ", ".join(f"{n} {status}" for status, n in self.skipped.items())
        return f"{sum(self.skipped.values())} skipped ({parts})"

    @property
    def further_said(self) -> str:
        """"with 34 further tickets of theirs", or nothing: rows of a person who holds
        several tickets, imported with the person."""
        if not self.further:
            return ""
        return f"with {self.further} further ticket{'s' if self.further != 1 else ''} of theirs"

    @property
    def first_rows(self) -> list[ImportRow]:
        return self.rows[:SHOWN]


def prepare(text: str, encoding: str, separator: str | None = None, preset: str | None = None,
            mapping: Mapping | None = None, named: dict[str, Sequence[str]] | None = None,
            pending: bool = False, lists_by_type: ListsByType | None = None) -> Prepared:
    """What is not given is found: the separator from the header line, the preset from the
    header's names, the mapping from the preset. A script names its mapping's columns by
    their headers (``named``); the page, by their positions (``mapping``). Rows whose
    ticket does not stand are passed over; pending ones are imported when ``pending``.
    ``lists_by_type`` limits the ticket types it names to their check-in lists."""
    if separator is not None and separator not in SEPARATORS:
        raise ValueError("The separator must be a comma, a semicolon or a tab.")
    table = read_table(text, separator)
    chosen = preset_named(preset) if preset else detect(table.header)
    if named:
        mapping = mapping_named(table.header, named)
    mapping = mapping if mapping is not None else mapping_for(chosen, table.header)
    checked = check(table, mapping, chosen.status_column(table.header), pending, lists_by_type,
                    chosen.buyers_email)
    return Prepared(encoding, table.separator, chosen, table.header, mapping, checked.rows,
                    checked.bad, dict(checked.skipped.most_common()), checked.further,
                    checked.products)


def prepare_bytes(data: bytes, separator: str | None = None, preset: str | None = None,
                  pending: bool = False, lists_by_type: ListsByType | None = None) -> Prepared:
    """A file as it came, its encoding found (see :mod:`goodwill.imports.decoding`)."""
    decoded = decode(data)
    return prepare(decoded.text, decoded.encoding, separator, preset, pending=pending,
                   lists_by_type=lists_by_type)
