"""How fast an event's exports stream: rows per second of the attendees list (CSV and XLSX)
and of the scan log, each set against the plain SELECT of the same rows, with the same
joins, fetched whole through the same reader. The difference is what paging, consent and
encoding cost.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from typing import Any
from uuid import UUID

from goodwill.application import Goodwill
from goodwill.application.core import SYSTEM_ACTOR as ROOT
from goodwill.bootstrap import bootstrap
from goodwill.domain.attendee import Consent, Profile
from goodwill.exports import EXPORTS, attendees, scans
from goodwill.projections import directory
from goodwill.settings import Settings

REPEATS = 5
"""Each measure's best of five, so a neighbour's burst on the shared cores weighs less."""


def seed_door(app: Goodwill, size: int) -> tuple[UUID, int]:
    """An event of ``size`` attendees, seven in ten sharing their profile with the organizers,
    and its morning at the doors: everyone in at the main entrance, every third on to the
    workshop, every fifth out and back in. Answers the event and its number of scans."""
    organizer = app.register_person(ROOT, uuid.uuid4(), "Bench Organizer",
                                    "organizer@bench.example").result["person_id"]
    app.grant_organizer_role(ROOT, uuid.uuid4(), organizer)
    event = app.create_conference(organizer, uuid.uuid4(), "Bench Summit", date.today(),
                                  date.today(), "UTC", "Hall", {"main": "Main entrance",
                                                                "workshop": "Workshop room"})
    conference_id, scanned = event.result["conference_id"], 0
    for number in range(size):
        name = f"Guest {number:05}"
        person = app.register_person(ROOT, uuid.uuid4(), name,
                                     f"guest{number}@bench.example").result["person_id"]
        code = app.register_attendee(
            organizer, uuid.uuid4(), conference_id, person,
            Profile(name=name, company=f"Company {number % 97}", offers="Advice"),
            Consent(shared_with_organizer=number % 10 < 7)).result["ticket_code"]
        steps = [("check_in", "main"), *([("check_in", "workshop")] * (number % 3 == 0)),
                 *([("check_out", "main"), ("check_in", "main")] * (number % 5 == 0))]
        for command, list_key in steps:
            getattr(app, command)(organizer, uuid.uuid4(), conference_id, code, list_key, "door")
        scanned += len(steps)
    return conference_id, scanned


async def best_rate(rows: int, action: Callable[[], Awaitable[Any]]) -> float:
    fastest = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        await action()
        fastest = min(fastest, time.perf_counter() - started)
    return rows / fastest


async def drained(chunks: AsyncIterator[bytes]) -> int:
    return sum([len(chunk) async for chunk in chunks])


async def measure_exports(settings: Settings, size: int) -> dict:
    system = bootstrap(settings)
    try:
        started = time.perf_counter()
        conference_id, scanned = seed_door(system.app, size)
        system.runner.catch_up()
        seeding = time.perf_counter() - started
        reader = system.reader
        await reader.open()
        try:
            event = await directory.conference(reader, conference_id)
            per_second, ratio = {}, {}
            for label, select, rows, names in (
                    ("attendees", attendees.SELECT, size, ("attendees.csv", "attendees.xlsx")),
                    ("scan log", scans.SELECT, scanned, ("scan-log.csv",))):
                baseline = f"baseline SELECT of the {label} rows"
                per_second[baseline], ratio[baseline] = await best_rate(
                    rows, lambda s=select: reader.fetch(s, str(conference_id))), 1.0
                for name in names:
                    per_second[name] = await best_rate(rows, lambda n=name: drained(
                        EXPORTS[n].write(reader, event)))
                    ratio[name] = per_second[name] / per_second[baseline]
        finally:
            await reader.close()
    finally:
        system.close()
    return {"about": f"{size} attendees, {scanned} scans, seeded in {seeding:.0f}s",
            "rows": {"attendees": size, "scans": scanned},
            "per_second": per_second, "ratio_to_baseline": ratio}
