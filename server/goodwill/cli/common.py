"""What every verb of the command shares: declaring a command, and opening the store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from goodwill.bootstrap import System, bootstrap
from goodwill.settings import Settings


def command(commands, name: str, run, purpose: str) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=purpose, description=purpose)
    sub.add_argument("--database-url", help="default: $GOODWILL_DATABASE_URL or sqlite")
    sub.set_defaults(run=run)
    return sub


@contextmanager
def opened(settings: Settings) -> Iterator[System]:
    system = bootstrap(settings)
    try:
        yield system
    finally:
        system.close()
