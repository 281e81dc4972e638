"""The ``goodwill`` command: what an operator does before or beside the web app — serve it,
seed a demo, rebuild or inspect the read models, create the first organizer, export an
event's data, import attendees. One module per verb group; each adds its own commands."""

from __future__ import annotations

import argparse
import dataclasses

from goodwill.cli import data, organizers, read_models, serving
from goodwill.demo.people import MOST
from goodwill.settings import Settings


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not 0 <= getattr(args, "attendees", 0) <= MOST:
        parser().error(f"the demo has names for 0 to {MOST} attendees")
    overrides = {k: v for k in ("database_url", "host", "port")
                 if (v := getattr(args, k, None)) is not None}
    args.run(dataclasses.replace(Settings.from_env(), **overrides), args)
    return 0


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="goodwill", description="Serve Goodwill, seed a demo,"
                                   " rebuild or inspect read models, create an organizer,"
                                   " export an event.")
    commands = root.add_subparsers(required=True, metavar="command")
    for verbs in (serving, read_models, organizers, data):
        verbs.add(commands)
    return root
