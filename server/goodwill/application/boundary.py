"""The last check before a value enters the log, whatever door it came in by (the API, a page,
an import, the command line): the log is forever, so a value that a store or a read model
cannot hold — a NUL, a control character, a year 1 time, a number too big for BIGINT — is
refused here, as a command's answer, instead of being kept to stop the projections later."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from goodwill.domain.errors import DomainError

EARLIEST, LATEST = date(2000, 1, 1), date(2199, 12, 31)
"""Any moment or day an event can be about; the bounds keep every offset in range too."""
MAX_TEXT = 20_000
"""Characters in one value; the HTTP schemas ask for far less, this bounds every other door."""
MAX_INTEGER = 2**63 - 1
UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters but tab and line breaks (free texts may have lines), and lone
surrogates, which no UTF-8 store can hold."""
ENVELOPE = frozenset({"originator_id", "originator_version", "timestamp"})


def check_events(aggregates: Iterable[Aggregate]) -> None:
    """Refuses the command if any value its events would record cannot be stored and read."""
    for aggregate in aggregates:
        for event in aggregate.pending_events:
            for name, value in vars(event).items():
                if name not in ENVELOPE:
                    check_value(name, value)


class Unstorable(DomainError):
    """A value the log cannot keep: ``path`` names it as the command's event does
    (``profile.name``), for a page to show ``problem`` next to the field it came from."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path} {problem}.")
        self.path, self.problem = path, problem


def check_value(name: str, value: Any) -> None:
    for path, leaf in leaves(name, value):
        if problem := leaf_problem(leaf):
            raise Unstorable(path, problem)


def leaves(path: str, value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(f"{path}.{key}", key)
            yield from leaves(f"{path}.{key}", item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from leaves(path, item)
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):  # a Personal value: its text; a profile: its fields
            yield from leaves(path if item.name == "text" else f"{path}.{item.name}",
                              getattr(value, item.name))
    else:
        yield path, value


def leaf_problem(value: Any) -> str | None:
    if isinstance(value, str):
        return text_problem(value)
    if isinstance(value, datetime):
        return moment_problem(value)
    if isinstance(value, date):
        return None if EARLIEST <= value <= LATEST else f"must be a day from {EARLIEST.year} to {LATEST.year}"
    if isinstance(value, bool) or value is None or isinstance(value, UUID):
        return None
    if isinstance(value, int):
        return None if abs(value) <= MAX_INTEGER else "is too large a number"
    if isinstance(value, float):
        return None if math.isfinite(value) else "must be a finite number"
    return None


def text_problem(text: str) -> str | None:
    """None when ``text`` can be stored; otherwise what is wrong, in a person's words."""
    if len(text) > MAX_TEXT:
        return f"must be at most {MAX_TEXT} characters"
    if found := UNSTORABLE.search(text):
        char = found.group()
        if "\ud800" <= char <= "\udfff":
            return "is not valid Unicode text (it has a lone surrogate)"
        return f"must not contain control characters (it has U+{ord(char):04X})"
    return None


def moment_problem(moment: datetime) -> str | None:
    if moment.tzinfo is None:
        return "needs its time zone offset"
    if not EARLIEST <= moment.date() <= LATEST:  # its own calendar: UTC may overflow
        return f"must be a time from {EARLIEST.year} to {LATEST.year}"
    return None
