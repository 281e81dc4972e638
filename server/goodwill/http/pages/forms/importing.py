"""What the import pages' forms send, checked: the upload with its overrides, the columns
chosen for each field and the check-in lists chosen for each product. A bad value is an
:class:`Invalid` for its field, or a 400."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

from litestar.exceptions import ClientException

from goodwill.database import Writer
from goodwill.http.pages.forms.common import Invalid
from goodwill.imports import jobs
from goodwill.imports.decoding import decode
from goodwill.imports.presets import BY_KEY, FIELDS
from goodwill.imports.preview import prepare
from goodwill.imports.table import NAMED


def choices_of(form: Any) -> dict[str, Any]:
    preset, separator = form.get("preset") or None, form.get("separator") or None
    if preset is not None and preset not in BY_KEY:
        raise Invalid("preset", "Please choose one of the options.")
    if separator is not None and separator not in NAMED:
        raise Invalid("separator", "Please choose one of the options.")
    return {"preset": preset, "separator": NAMED.get(separator), "mapping": None,
            "pending": form.get("pending") == "yes", "lists": None}


def stored(writer: Writer, conference_id: UUID, filename: str, data: bytes,
           choices: dict[str, Any]) -> UUID:
    """Read before it is kept: a file that is no table is refused at once."""
    try:
        decoded = decode(data)
        prepare(decoded.text, decoded.encoding, choices["separator"], choices["preset"])
    except ValueError as error:
        raise Invalid("file", str(error)) from None
    return jobs.add(writer, conference_id, filename, decoded.encoding, decoded.text, choices)


def mapping_of(form: Any, width: int) -> dict[str, list[int]]:
    """Each field's chosen column, and for a joined field its second one."""
    mapping = {}
    for field in FIELDS:
        picked = [form.get(name) for name in (field, f"{field}-2")]
        try:
            columns = [int(p) for p in picked if p not in (None, "")]
            if any(not 0 <= column < width for column in columns):
                raise ValueError(columns)
        except ValueError:
            raise ClientException(detail="The form names no column: reload the page.") from None
        if columns:
            mapping[field] = columns
    return mapping


def lists_of(form: Any, products: Sequence[str], lists: Mapping[str, str]) -> dict[str, list[str]]:
    """Each product's ticked check-in lists (``lists-<n>``, the product's place on the
    page), for the products not admitted at every entrance; admitted nowhere is refused."""
    chosen = {}
    for number, product in enumerate(products):
        keys = [key for key in form.getall(f"lists-{number}", []) if key in lists]
        if not keys:
            raise ClientException(detail=f"Tick at least one check-in list for {product}:"
                                             " a ticket must open some entrance.")
        if set(keys) != set(lists):
            chosen[product] = sorted(keys)
    return chosen
