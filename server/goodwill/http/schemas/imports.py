"""Importing attendees from a CSV export, for scripts: the file's text in, the counts and
every row not imported (with its line and reason) out."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from goodwill.http.schemas.common import Command
from goodwill.imports.presets import BY_KEY, FIELDS

UPLOAD_BYTES = 20 * 1024 * 1024
"""A 10,000-row pretix export with every column is about 5 MB."""
PresetKey = Literal[tuple(BY_KEY)]  # type: ignore[valid-type]
FieldName = Literal[tuple(FIELDS)]  # type: ignore[valid-type]
ColumnName = Annotated[str, Meta(min_length=1, max_length=200)]
ListName = Annotated[str, Meta(min_length=1, max_length=200)]


class ImportAttendees(Command):
    """The import's id is derived from ``command_id`` and the file: sending both again is
    answered from the first import's receipts and records nothing."""

    csv: Annotated[str, Meta(min_length=1, max_length=UPLOAD_BYTES)]
    preset: PresetKey | None = None
    """Whose export it is; told by the header row when not given."""
    separator: Literal[",", ";", "\t"] | None = None
    mapping: dict[FieldName, Annotated[list[ColumnName], Meta(min_length=1, max_length=4)]] | None = None
    """Field → the header names of the columns joined to make it; the preset's otherwise."""
    dry_run: bool = False
    """Check the file and answer what would be imported, importing nothing."""
    include_pending: bool = False
    """Import pending (unpaid) orders too; canceled ones never."""
    lists: dict[ColumnName, Annotated[list[ListName],
                                      Meta(min_length=1, max_length=50)]] | None = None
    """Product (or product – variation) → the check-in lists, by key or name, that admit
    its tickets; a product not named opens every entrance."""


class NotImported(msgspec.Struct):
    line: int
    reason: str


class Change(msgspec.Struct):
    line: int
    field: str
    old: str
    """As imported before."""
    new: str
    """As the file gives it now."""


class ImportAnswer(msgspec.Struct):
    import_id: UUID
    preset: str
    separator: str
    rows: int
    """Attendees whose rows were good, given to the import: one per person."""
    created: int
    updated: int
    unchanged: int
    not_imported: list[NotImported]
    """Bad rows and refused rows, by line."""
    position: int
    """What a read's ``after`` waits for to see the imported attendees."""
    dry_run: bool
    kept: list[NotImported] = msgspec.field(default_factory=list)
    """Rows imported with a value kept from the last import: the file had lost letters."""
    further_tickets: int = 0
    """Rows that were another ticket of a person counted in ``rows``."""
    skipped: dict[str, int] = msgspec.field(default_factory=dict)
    """Rows passed over for their ticket's status (pending, canceled…), by status."""
    changes: list[Change] = msgspec.field(default_factory=list)
    """A dry run's every value a re-import would change; an import's answer lists none."""
