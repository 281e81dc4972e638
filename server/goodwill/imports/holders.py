"""Who holds each ticket in a file, as the shop sees them.

A person may hold several tickets (a conference pass and a workshop day): their rows, one
email and one name, become one attendee with one Goodwill ticket, admitted wherever any of
theirs admits them and typed with all of their types. Colleagues bought for on one order,
and asked no email of their own, carry the buyer's (see ``FIRST_FILLED``): each is a person
of their own, known by their ticket id, who has no email here, since the buyer's is not
theirs to share."""

from __future__ import annotations

from dataclasses import replace

from goodwill.application.import_rows import ImportRow
from goodwill.domain.ticket import SEVERAL_TYPES as SEVERAL
KEPT_FROM_FIRST = ("company", "role", "offers", "needs")
LONGEST_TYPE = 200


class Refused(ValueError):
    """Why a row's ticket has no holder in this file."""


class Holders:
    """The rows to import, one per person, in the order each person first appears."""

    def __init__(self) -> None:
        self.rows: list[ImportRow] = []
        self.further = 0
        """Rows that were another ticket of a person above."""
        self._tickets: dict[str, int] = {}
        self._emails: dict[str, int] = {}
        self._people: dict[tuple[str, str], int] = {}

    def take(self, row: ImportRow, borrowed: bool) -> None:
        """``borrowed``: the row's email is the order's, the attendee was asked for none."""
        if row.external_id in self._tickets:
            raise Refused(f"Same ticket id as line {self._tickets[row.external_id]}:"
                          " one row per ticket.")
        email = row.email.lower()
        person = (email, " ".join(row.name.casefold().split()))
        if person in self._people:
            at = self._people[person]
            self.rows[at] = further_ticket(self.rows[at], row)
            self.further += 1
        elif email in self._emails and not borrowed:
            raise Refused(f"Same email as line {self._emails[email]} for another name:"
                          " one person per email.")
        elif email in self._emails and not row.external_id:
            raise Refused("Missing email: the order's is another attendee's, and no ticket id"
                          " tells this one apart.")
        else:
            self._emails.setdefault(email, row.line)
            self._people[person] = len(self.rows)
            self.rows.append(row if self._emails[email] == row.line else replace(row, email=""))
        if row.external_id:
            self._tickets[row.external_id] = row.line


def further_ticket(held: ImportRow, row: ImportRow) -> ImportRow:
    """One person's row with another of their tickets: every entrance either admits (no list
    named admits them everywhere), each type once, a profile value from the first row that
    has it."""
    lists = () if not held.lists or not row.lists else tuple(dict.fromkeys(held.lists + row.lists))
    types = held.ticket_type.split(SEVERAL) if held.ticket_type else []
    if row.ticket_type and row.ticket_type not in types:
        types.append(row.ticket_type)
    ticket_type = SEVERAL.join(types)
    if len(ticket_type) > LONGEST_TYPE:
        raise Refused(f"This person's ticket types together are longer than {LONGEST_TYPE}"
                      " characters.")
    return replace(held, lists=lists, ticket_type=ticket_type,
                   **{name: getattr(held, name) or getattr(row, name) for name in KEPT_FROM_FIRST})
