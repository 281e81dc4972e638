"""Bytes to text, whatever produced the file: UTF-8 with or without a byte-order mark
(pretix, Eventbrite, most tools), UTF-16 with one (Excel's "Unicode text"), else
Windows-1252 (Excel's "CSV" on a Western Windows) or, failing that, Latin-1, which reads
any byte."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    """How the file was read, in words for the preview."""


def decode(data: bytes) -> Decoded:
    if data.startswith(UTF16_MARKS):
        return Decoded(data.decode("utf-16"), "UTF-16")
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data.decode("utf-8-sig", errors="replace"), "UTF-8 with byte-order mark")
    for codec, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252 (Latin-1)")):
        try:
            return Decoded(data.decode(codec), label)
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("latin-1"), "Latin-1")
