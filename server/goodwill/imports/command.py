"""``goodwill import``: an export into an event from the command line, acting as the
operator (the system actor), with the same checks and report as the organizer's page."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO
from uuid import UUID, uuid4

from goodwill.application.core import SYSTEM_ACTOR
from goodwill.bootstrap import System
from goodwill.domain.errors import DomainError
from goodwill.imports.batches import Tally, run_import
from goodwill.imports.presets import FIELDS
from goodwill.imports.preview import Prepared, prepare_bytes
from goodwill.imports.rows import ListsByType
from goodwill.imports.table import FileProblem
from goodwill.progress import ProgressBar

SOME_BAD, NONE_IMPORTED = 1, 2
"""Exit statuses: rows were reported as not imported; the file or the import was refused."""
SHOWN = 20
"""Bad rows listed one by one; the rest are counted."""


def import_file(system: System, conference_id: UUID, data: bytes, preset: str | None,
                separator: str | None, dry_run: bool, out: TextIO = sys.stdout,
                err: TextIO = sys.stderr, pending: bool = False,
                lists: Sequence[str] = ()) -> int:
    """Each run is an import of its own: the same file twice reports "unchanged"."""
    try:
        prepared = prepare_bytes(data, separator=separator, preset=preset, pending=pending,
                                 lists_by_type=lists_by_type(lists))
        print(described(prepared), file=out)
        tally = imported(system, conference_id, prepared, err, dry_run)
    except (FileProblem, DomainError, ValueError) as error:
        print(f"goodwill import: {getattr(error, 'message', error)}", file=err)
        return NONE_IMPORTED
    print(reported(tally, dry_run), file=out)
    return SOME_BAD if tally.bad else 0


def imported(system: System, conference_id: UUID, prepared: Prepared, err: TextIO,
             dry_run: bool) -> Tally:
    bar = ProgressBar(err, unit="rows")
    tally = run_import(system.app, SYSTEM_ACTOR, uuid4(), conference_id, prepared.rows,
                       prepared.bad, bar, dry_run)
    bar.finish()
    if not dry_run:
        system.runner.catch_up()
    return tally


def described(prepared: Prepared) -> str:
    attendees = counted(len(prepared.rows), "attendee")
    return (f"{prepared.how_read}, as {prepared.preset.label}: {attendees} to import"
            + (f" ({prepared.further_said})" if prepared.further else "")
            + f", {len(prepared.bad)} bad"
            + (f", {prepared.skipped_said}" if prepared.skipped else ""))


def reported(tally: Tally, dry_run: bool) -> str:
    counts = (f"{'dry run, nothing saved: would create' if dry_run else 'created'}"
              f" {tally.created}, updated {tally.updated}, unchanged {tally.unchanged}")
    result = tally.as_dict()
    bad = result["bad"]
    lines = [f"{counts}, not imported {len(bad)}"]
    lines += listed(bad, "row", "not imported")
    lines += listed(result["kept"], "row", "kept as imported before")
    if tally.changes:
        lines.append(f"would change {counted(len(tally.changes), 'value')}:")
        lines += listed([[line, f"{FIELDS[field]}: {old or '(empty)'} → {new or '(empty)'}"]
                         for line, field, old, new in tally.changes], "change", "")
    return "\n".join(lines)


def listed(items: list[list], noun: str, said: str) -> list[str]:
    """The first twenty by line, and how many more."""
    lines = [f"  line {line}: {reason}" for line, reason in items[:SHOWN]]
    if len(items) > SHOWN:
        lines.append(f"  and {counted(len(items) - SHOWN, 'more ' + noun)} {said}".rstrip())
    return lines


def lists_by_type(pairs: Sequence[str]) -> ListsByType:
    """``--list "Workshop day=Workshop room"``, as often as needed, into a mapping."""
    mapping: dict[str, tuple[str, ...]] = {}
    for pair in pairs:
        product, _, name = pair.rpartition("=")
        if not product.strip() or not name.strip():
            raise ValueError(f"--list takes PRODUCT=LIST, not {pair!r}.")
        mapping[product.strip()] = (*mapping.get(product.strip(), ()), name.strip())
    return mapping


def counted(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"
