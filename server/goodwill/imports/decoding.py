"""Bytes to text, whatever produced the file: UTF-8 with or without a byte-order mark
(pretix, Eventbrite, most tools), UTF-16 with one (Excel's "Unicode text"), else
Windows-1252 (Excel's "CSV" on a Western Windows) or, failing that, Latin-1, which reads
any byte. An Excel workbook is read as one (see :mod:`goodwill.imports.workbook`); any
other kind of file is refused in one sentence, not read as hundreds of bad rows."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from goodwill.imports.table import FileProblem
from goodwill.imports.workbook import workbook_as_csv

UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
ZIP = b"PK\x03\x04"
OTHER_KINDS = {b"%PDF": "a PDF document", b"\xd0\xcf\x11\xe0": "an old Office file (.xls)",
               b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
               b"GIF8": "a GIF image", b"{\\rtf": "an RTF document"}
"""How other kinds of file begin, and what to call them."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """How the file was read, in words for the preview."""


def decode(data: bytes) -> Decoded:
    if data.startswith(ZIP):
        return Decoded(*workbook_as_csv(data))
    for mark, kind in OTHER_KINDS.items():
        if data.startswith(mark):
            raise FileProblem(f"This is {kind}, not a spreadsheet: export the attendees as"
                              " CSV or Excel (.xlsx).")
    if data.startswith(UTF16_MARKS):
        return Decoded(data.decode("utf-16"), "UTF-16")
    if b"\x00" in data[:4096]:  # no text but UTF-16's holds a NUL
        raise FileProblem("This file is not text, nor an Excel workbook: export the attendees"
                          " as CSV or Excel (.xlsx).")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data.decode("utf-8-sig", errors="replace"), "UTF-8 with byte-order mark")
    for codec, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252 (Latin-1)")):
        try:
            return Decoded(data.decode(codec), label)
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("latin-1"), "Latin-1")
