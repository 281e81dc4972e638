"""``goodwill export``: one of an event's exports, written to a file or to standard output.

The operator who runs it holds the store itself, so no role is checked; what is written is
what the event's organizers download, under the same consent rules, byte for byte.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO
from uuid import UUID

from goodwill.database import Reader
from goodwill.exports import EXPORTS, Export
from goodwill.projections import directory

STDOUT = "-"


def export_event(reader: Reader, conference_id: UUID, name: str, out: str) -> None:
    asyncio.run(write(reader, conference_id, EXPORTS[name], out))


async def write(reader: Reader, conference_id: UUID, export: Export, out: str) -> None:
    await reader.open()
    try:
        event = await directory.conference(reader, conference_id)
        if event is None:
            raise SystemExit(f"goodwill export: there is no event {conference_id}")
        with destination(out) as file:
            async for chunk in export.write(reader, event):
                file.write(chunk)
    finally:
        await reader.close()


@contextmanager
def destination(out: str) -> Iterator[BinaryIO]:
    """Standard output, or a file that appears whole: written beside it, then renamed, so
    a failed export never leaves half a file under the name asked for."""
    if out == STDOUT:
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(out)
    partial = target.with_name(f".{target.name}.part")
    try:
        with partial.open("wb") as file:
            yield file
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
