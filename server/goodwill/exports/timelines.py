"""Each attendee's timeline at the event, as NDJSON: one JSON object per line and entry,
grouped by person and oldest first, so a reader can take it line by line (``jq``,
``pandas.read_json(lines=True)``).

Consent: only the timelines of attendees who share their profile with the organizers and
are not forgotten, and never their listening notes, which are private to their author.
Anyone an entry names who does not share (the other person, an introducer, the people
introduced) is left out as ``null``; the entry stays, so the attendee's story is whole, but
its texts (a give's note, a thank-you, a promise) go with them, since text between two
people belongs to both. An introduction's reason belongs to the three people in it and
never leaves: not on the introduction's entries, nor as the note of the gives it records
(older gives carry it there).
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from goodwill.database import Reader
from goodwill.exports.paging import consenting, pages, shared
from goodwill.projections.timeline_entries import without_text

ENTRIES = ("SELECT t.entry_id, t.person_id, a.name, t.at, t.kind, t.other_person_id, t.detail"
           " FROM timeline_entries t JOIN attendees a ON a.conference_id = t.conference_id"
           " AND a.person_id = t.person_id WHERE t.conference_id = ? AND t.kind <> 'noted'"
           f" AND {shared('a')}")
ORDER = ("t.person_id", "t.at", "t.entry_id")
INTRODUCTIONS = ("introduced", "was_introduced")
NAMING = ("made_by", "recorded_by", "introducer")
"""Detail fields that hold one person's id; ``people`` holds a list of them."""


async def ndjson(reader: Reader, event: dict[str, Any]) -> AsyncIterator[bytes]:
    conference_id = event["conference_id"]
    async for page in pages(reader, ENTRIES, [conference_id], ORDER):
        entries = [{**row, "detail": json.loads(row["detail"])} for row in page]
        named = await consenting(reader, conference_id,
                                 {person for entry in entries for person in named_in(entry)})
        yield "".join(json.dumps(line(entry, named), ensure_ascii=False) + "\n"
                      for entry in entries).encode()


def named_in(entry: dict[str, Any]) -> list[str]:
    detail = entry["detail"]
    return [person for person in (entry["other_person_id"], *detail.get("people", ()),
                                  *(detail.get(field) for field in NAMING)) if person]


def about_an_introduction(entry: dict[str, Any]) -> bool:
    return entry["kind"] in INTRODUCTIONS or bool(entry["detail"].get("introduction_id"))


def line(entry: dict[str, Any], named: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def shown(person: str | None) -> str | None:
        return person if person in named else None

    detail = {**entry["detail"], **{f: shown(entry["detail"][f]) for f in NAMING
                                    if f in entry["detail"]}}
    if "people" in detail:
        detail["people"] = [shown(person) for person in detail["people"]]
    if about_an_introduction(entry) or any(person not in named for person in named_in(entry)):
        detail = without_text(detail)
    other = shown(entry["other_person_id"])
    return {"person_id": entry["person_id"], "name": entry["name"], "at": entry["at"],
            "kind": entry["kind"], "other_person_id": other,
            "other_name": named[other]["name"] if other else None, "detail": detail}
