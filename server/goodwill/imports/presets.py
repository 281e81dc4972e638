"""Whose export a file is, told by its header row, and which columns make which field.

A mapping names, for each field, the columns whose values are joined to make it:
Eventbrite's first and last name make a name, pretix's order code and position id make a
ticket id; for an email, the first column filled in a row is taken: pretix leaves the
attendee's email empty unless it asked for it, and the order's is then the one to use.
Columns are named by position, because exports repeat names: older pretix order positions
have a "Company" column for the attendee and, further right, one for the invoice.

What was bought (pretix's product, Eventbrite's ticket type) is no check-in list: as in
pretix, a list admits every product unless told otherwise, so the shops' presets name no
lists and their tickets are valid at every entrance. A file's own "Check-in lists" column,
mapped by hand or by the generic preset, still limits a ticket to the lists it names.
"""

from __future__ import annotations

from collections.abc import Mapping as Map, Sequence
from dataclasses import dataclass, field

FIELDS = {"name": "Name", "email": "Email", "company": "Company", "role": "Role",
          "offers": "Offers", "needs": "Needs", "external_id": "Ticket id",
          "ticket_type": "Ticket type", "lists": "Check-in lists"}
JOINERS = {"external_id": "-", "lists": ";", "ticket_type": " – "}
"""How a field's columns are joined; a space where not said."""
FIRST_FILLED = {"email"}
"""Fields made by the first of their columns that a row fills, not by joining them."""
Columns = tuple[str, ...]
Mapping = dict[str, tuple[int, ...]]
"""Field → positions of the columns that make it; a field not in it is not imported."""


@dataclass(frozen=True)
class Preset:
    key: str
    label: str
    marks: Columns
    """Headers that all appear in this kind of export and, together, in no other."""
    fields: dict[str, tuple[Columns, ...]] = field(default_factory=dict)
    """Per field, the columns to use: the first choice whose headers are all present."""
    status: str = ""
    """The column saying whether the ticket stands: paid, pending, canceled…"""
    asks: bool = False
    """The shop asks its own questions: "What do you offer?" feeds offers, and so on."""
    buyers_email: bool = False
    """Its one email column holds the buyer's email where the attendee was asked for none,
    so one email with several names is colleagues bought for, not a mistake."""

    def status_column(self, header: Sequence[str]) -> int | None:
        return position(header, self.status) if self.status else None


PRESETS = (
    Preset("pretix", "pretix order positions", ("Order code", "Position ID", "Attendee name"), {
        "name": (("Attendee name",),),
        "email": (("Attendee email", "Email"), ("Attendee email",), ("Email",)),
        "company": (("Attendee company",), ("Company",)), "role": (("Job title",),),
        "external_id": (("Order code", "Position ID"),),
        "ticket_type": (("Product", "Variation"), ("Product",))}, status="Status", asks=True),
    Preset("pretix-checkin", "pretix check-in list", ("Order code", "Attendee name", "Product"), {
        "name": (("Attendee name",),), "email": (("E-mail",), ("Email",)),
        "company": (("Company",),), "role": (("Job title",),),
        "external_id": (("Secret",),), "ticket_type": (("Product",),)}, asks=True,
           buyers_email=True),
    Preset("eventbrite", "Eventbrite attendees", ("Attendee #", "First Name", "Last Name"), {
        "name": (("First Name", "Last Name"),), "email": (("Email",),),
        "company": (("Company",),), "role": (("Job Title",),),
        "external_id": (("Attendee #",),), "ticket_type": (("Ticket Type",),)},
           status="Attendee Status", asks=True, buyers_email=True),
    Preset("generic", "Generic CSV", (), {
        "name": (("Name",), ("Full name",), ("Attendee name",), ("First name", "Last name")),
        "email": (("Email",), ("E-mail",), ("Email address",), ("Attendee email",)),
        "company": (("Company",), ("Organization",), ("Organisation",)),
        "role": (("Role",), ("Job title",), ("Title",)),
        "offers": (("Offers",),), "needs": (("Needs",),),
        "external_id": (("External id",), ("Ticket id",), ("Id",)),
        "ticket_type": (("Ticket type",), ("Product",)),
        "lists": (("Check-in lists",), ("Lists",))}),
)
BY_KEY = {preset.key: preset for preset in PRESETS}


def detect(header: Sequence[str]) -> Preset:
    """The first preset whose marks the header has all of; the generic one has none."""
    return next(p for p in PRESETS if all(position(header, mark) is not None for mark in p.marks))


def preset_named(key: str) -> Preset:
    if key not in BY_KEY:
        raise ValueError(f"No preset '{key}': choose one of {', '.join(BY_KEY)}.")
    return BY_KEY[key]


QUESTIONS = {"offers": ("offer",), "needs": ("need", "looking for")}
"""Words that make a shop's question feed a profile field (pretix names a question's column
by its text): "What do you offer?", "What do you need?"."""


def mapping_for(preset: Preset, header: Sequence[str]) -> Mapping:
    mapping = {}
    for name, choices in preset.fields.items():
        for columns in choices:
            found = [position(header, column) for column in columns]
            if None not in found:
                mapping[name] = tuple(found)
                break
    if preset.asks:
        mapping.update(asked(header))
    return mapping


def asked(header: Sequence[str]) -> Mapping:
    """Each profile field's first question column: a header that asks (ends in "?") and
    holds one of the field's words."""
    found = {}
    for name, words in QUESTIONS.items():
        for i, column in enumerate(header):
            text = column.casefold()
            if text.endswith("?") and any(word in text for word in words):
                found[name] = (i,)
                break
    return found


def mapping_named(header: Sequence[str], names: Map[str, Sequence[str]]) -> Mapping:
    """A mapping given by header names, as a script writes it; unknown names are refused."""
    mapping = {}
    for name, columns in names.items():
        if name not in FIELDS:
            raise ValueError(f"No field '{name}': the fields are {', '.join(FIELDS)}.")
        found = [position(header, column) for column in columns]
        if None in found:
            missing = columns[found.index(None)]
            raise ValueError(f"The file has no column '{missing}' for {FIELDS[name].lower()}.")
        mapping[name] = tuple(found)
    return mapping


def position(header: Sequence[str], name: str) -> int | None:
    """The first column so named, ignoring case and surrounding spaces."""
    wanted = name.strip().casefold()
    return next((i for i, column in enumerate(header) if column.casefold() == wanted), None)


def value(values: Sequence[str], columns: Sequence[int], name: str) -> str:
    """The field's columns joined, each with its runs of whitespace (line breaks in quoted
    values too) made one space."""
    parts = (" ".join(values[i].split()) if i < len(values) else "" for i in columns)
    filled = [part for part in parts if part]
    if name in FIRST_FILLED:
        return filled[0] if filled else ""
    return JOINERS.get(name, " ").join(filled)
