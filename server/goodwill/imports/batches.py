"""Running an import: its rows in chunks, one command each, with a command id derived from
the import and the chunk's number, so sending a chunk again (a retry, a resumed import
after a restart) is answered from its receipt and never records twice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from goodwill.application import Goodwill
from goodwill.application.import_rows import ImportRow
from goodwill.domain.ids import derived
from goodwill.imports.rows import BadRow

CHUNK = 500
"""Rows per command: ~3,000 events in one transaction, a fraction of a second to save."""
Progress = Callable[[int, int], None]
"""Told (rows done, rows in all) after each chunk."""


@dataclass
class Tally:
    """What an import did, and every row it did not import with its line and reason."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bad: list[BadRow] = field(default_factory=list)
    kept: list[BadRow] = field(default_factory=list)
    """Rows imported with a value kept from before, which the file had spoilt."""
    changes: list[list] = field(default_factory=list)
    """A dry run's [line, field, old, new] for each value a re-import would change."""
    position: int = 0

    def add(self, result: dict, position: int) -> None:
        self.created += result["created"]
        self.updated += result["updated"]
        self.unchanged += result["unchanged"]
        self.bad += [BadRow(line, reason) for line, reason in result["refused"]]
        self.kept += [BadRow(line, reason) for line, reason in result.get("kept", [])]
        self.changes += result.get("changes", [])
        self.position = max(self.position, position)

    def as_dict(self) -> dict:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "bad": by_line(self.bad), "kept": by_line(self.kept), "position": self.position}


def by_line(rows: list[BadRow]) -> list[list]:
    return [[row.line, row.reason] for row in sorted(rows, key=lambda row: row.line)]


def chunk_command_id(import_id: UUID, number: int) -> UUID:
    return derived("import-chunk", import_id, number)


def run_import(app: Goodwill, actor: UUID, import_id: UUID, conference_id: UUID,
               rows: Sequence[ImportRow], bad: Sequence[BadRow] = (),
               progress: Progress | None = None, dry_run: bool = False) -> Tally:
    """``bad`` are the rows the file's check refused; they are reported with the others. A
    dry run decides each chunk as the import would and saves nothing."""
    tally = Tally(bad=list(bad))
    for number, start in enumerate(range(0, len(rows), CHUNK)):
        chunk = rows[start:start + CHUNK]
        if dry_run:
            tally.add(app.try_import(actor, conference_id, chunk), 0)
        else:
            outcome = app.import_attendees(actor, chunk_command_id(import_id, number),
                                           conference_id, chunk)
            tally.add(outcome.result, outcome.position)
        if progress:
            progress(min(start + CHUNK, len(rows)), len(rows))
    return tally
