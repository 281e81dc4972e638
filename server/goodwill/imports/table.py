"""A CSV file as a header and records, each record with the line it starts on: a bad row is
named by the line an organizer sees in their editor, also after a quoted value that holds
a line break."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}
NAMED = {name: separator for separator, name in SEPARATORS.items()}
MOST_ROWS = 50_000
"""Five times the largest event we plan for; a bigger file is refused before any work."""


class FileProblem(ValueError):
    """The file cannot be read as a table at all; no row of it is imported."""


@dataclass(frozen=True)
class Record:
    line: int
    values: list[str]


@dataclass(frozen=True)
class Table:
    header: list[str]
    records: list[Record]
    separator: str


def separator_of(header_line: str) -> str:
    """The sniffer reads the header alone, which names columns and rarely quotes one; when
    it cannot tell, the candidate the header holds most of."""
    try:
        return csv.Sniffer().sniff(header_line, delimiters="".join(SEPARATORS)).delimiter
    except csv.Error:
        return max(SEPARATORS, key=header_line.count)


def read_table(text: str, separator: str | None = None) -> Table:
    """Blank lines are no rows; every other record is kept with its first line's number."""
    separator = separator or separator_of(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        header = [name.strip() for name in next(reader, [])]
        if not any(header):
            raise FileProblem("The file is empty: its first line should name the columns.")
        records, end = [], reader.line_num
        for values in reader:
            start, end = end + 1, reader.line_num
            if any(value.strip() for value in values):
                records.append(Record(start, values))
            if len(records) > MOST_ROWS:
                raise FileProblem(f"The file has more than {MOST_ROWS:,} rows: split it.")
    except csv.Error as error:
        raise FileProblem(f"Line {reader.line_num}: {error}.") from None
    return Table(header, records, separator)
