"""An import's row as the application takes it, and what a row asks of the event: which
check-in lists it names, and what changed since the row was last imported."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from goodwill.domain.attendee import PROFILE
from goodwill.domain.conference import Conference
from goodwill.domain.errors import NotFoundError
from goodwill.domain.imported import IMPORTED, ImportedTicket

LOST = {"?", "\ufffd"}
"""What an encoding puts where it has no letter: Latin-1's "?", the replacement character."""


@dataclass(frozen=True)
class ImportRow:
    """One attendee as a file gives them, its form already checked (see goodwill.imports)."""

    line: int
    name: str
    email: str
    """Empty for a colleague bought for by someone else (see goodwill.imports.holders)."""
    company: str = ""
    role: str = ""
    external_id: str = ""
    lists: tuple[str, ...] = ()
    offers: str = ""
    needs: str = ""
    ticket_type: str = ""

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


def kept_from_loss(index: ImportedTicket, row: ImportRow) -> tuple[ImportRow, list[str]]:
    """The row with every profile value that only lost letters to an encoding since the last
    import ("Nguy?n", "Cerny" for "Černý", "ÄŒernÃ½") put back as it was, and the names of
    those fields: a re-import from a Latin-1 file must not spoil correctly spelt names."""
    kept = [name for name in PROFILE if lossy_copy(getattr(row, name), index.values.get(name, ""))]
    return replace(row, **{name: index.values[name] for name in kept}), kept


def lossy_copy(new: str, old: str) -> bool:
    """Whether ``new`` is ``old`` with letters lost: replaced by "?" or "�", stripped of
    their accents, or its UTF-8 bytes read as Windows-1252 or Latin-1."""
    if new == old or not old:
        return False
    if new in {old.encode("utf-8").decode(codec, "replace") for codec in ("cp1252", "latin-1")}:
        return True
    old, new = unicodedata.normalize("NFC", old), unicodedata.normalize("NFC", new)
    return len(old) == len(new) and all(
        o == n or n in LOST or bare(o) == n for o, n in zip(old, new, strict=True))


def bare(letter: str) -> str:
    """The letter without its accents: "Č" → "C"."""
    return "".join(c for c in unicodedata.normalize("NFD", letter)
                   if not unicodedata.combining(c))
