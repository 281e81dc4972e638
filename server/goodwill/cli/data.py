"""``goodwill import`` and ``goodwill export``: attendees in from a ticket shop's CSV, an
event's data out as its organizers download it."""

from __future__ import annotations

import argparse
import sys
import uuid
from pathlib import Path

from goodwill.cli.common import command, opened
from goodwill.exports import EXPORTS
from goodwill.imports.command import import_file
from goodwill.imports.presets import PRESETS
from goodwill.imports.table import NAMED
from goodwill.settings import Settings


def add(commands) -> None:
    imports = command(commands, "import", run_import, "import attendees from a CSV export"
                      " (pretix, Eventbrite or any sheet with name and email columns)")
    imports.add_argument("--event", required=True, type=uuid.UUID, help="the event's id")
    imports.add_argument("file", type=Path)
    imports.add_argument("--preset", choices=[p.key for p in PRESETS],
                         help="whose export it is; default: told by the header row")
    imports.add_argument("--separator", choices=list(NAMED),
                         help="default: told by the header row")
    imports.add_argument("--dry-run", action="store_true", help="check the file, import nothing")
    imports.add_argument("--include-pending", action="store_true",
                         help="import tickets whose order is not paid yet (skipped otherwise)")
    imports.add_argument("--list", action="append", default=[], metavar="PRODUCT=LIST",
                         help="tickets of this product (or ticket type) open this check-in list"
                              " alone; repeat for more; products not named open every list")
    export = command(commands, "export", run_export, "write one of an event's exports, as its"
                     " organizers download it (consent-filtered)")
    export.add_argument("--event", required=True, type=uuid.UUID, help="the event's id")
    export.add_argument("--format", required=True, choices=sorted(EXPORTS))
    export.add_argument("--out", required=True, help="a file, or - for standard output")


def run_import(settings: Settings, args: argparse.Namespace) -> None:
    with opened(settings) as system:
        failed = import_file(system, args.event, args.file.read_bytes(), args.preset,
                             NAMED.get(args.separator), args.dry_run,
                             pending=args.include_pending, lists=args.list)
    if failed:
        sys.exit(failed)


def run_export(settings: Settings, args: argparse.Namespace) -> None:
    """After bringing the read models up to date, so the file holds all that was recorded."""
    from goodwill.exports.command import export_event

    with opened(settings) as system:
        system.runner.catch_up()
        export_event(system.reader, args.event, args.format, args.out)
