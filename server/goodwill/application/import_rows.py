"""An import's row as the application takes it, and what a row asks of the event: which
check-in lists it names, and what changed since the row was last imported."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from goodwill.domain.conference import Conference
from goodwill.domain.errors import NotFoundError
from goodwill.domain.imported import IMPORTED, ImportedTicket

PROFILE = ("name", "company", "role", "offers", "needs")
"""What an import keeps up to date in the attendee's profile."""


@dataclass(frozen=True)
class ImportRow:
    """One attendee as a file gives them, its form already checked (see goodwill.imports)."""

    line: int
    name: str
    email: str
    company: str = ""
    role: str = ""
    external_id: str = ""
    lists: tuple[str, ...] = ()
    offers: str = ""
    needs: str = ""

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in IMPORTED}


def list_keys(conference: Conference, named: Sequence[str]) -> list[str]:
    """The check-in lists a row names, by key or by name (none named: every entrance)."""
    lists = conference.check_in_lists
    by_name = {name.casefold(): key for key, name in lists.items()}
    keys = set()
    for name in named:
        key = name if name in lists else by_name.get(name.casefold())
        if key is None:
            raise NotFoundError(f"This event has no check-in list '{name}'"
                                f" (it has: {', '.join(lists.values()) or 'none'}).")
        keys.add(key)
    return sorted(keys)


def changed_fields(index: ImportedTicket, row: ImportRow) -> dict[str, str]:
    """The profile fields whose value in the file differs from the last import's."""
    return {name: getattr(row, name) for name in PROFILE
            if getattr(row, name) != index.values.get(name, "")}
