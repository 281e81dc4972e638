"""What the desk's page and its API share: one application call for the scans, then each
answered with what the door needs to see."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import msgspec

from goodwill.application import DoorScan, Goodwill, Scanned
from goodwill.domain.errors import DomainError
from goodwill.http.core.access import event_row
from goodwill.http.core.errors import domain_status
from goodwill.http.core.markers import Reads
from goodwill.http.schemas.desk import DeskAnswer, DeskAnswers, DeskScan
from goodwill.projections import door


async def run_scans(app: Goodwill, reader: Reads, actor: UUID, conference_id: UUID,
                    scans: list[DeskScan]) -> tuple[dict[str, Any], DeskAnswers]:
    """The scans in a worker thread; then the event (read once the application let the
    actor scan there) and each answer with its ticket's holder."""
    door_scans = [DoorScan(**msgspec.structs.asdict(scan)) for scan in scans]
    results = await asyncio.to_thread(app.scan_tickets, actor, conference_id, door_scans)
    event = await event_row(reader, conference_id)
    holders = {found: row for found, row in
               (await door.holders(reader, {str(r.ticket) for r in results})).items()
               if row["conference_id"] == str(conference_id)}
    answers = [answer(scan, result, holders, event["check_in_lists"])
               for scan, result in zip(scans, results)]
    positions = [r.result.position for r in results if not isinstance(r.result, DomainError)]
    return event, DeskAnswers(answers=answers, position=max(positions, default=0))


def answer(scan: DeskScan, scanned: Scanned, holders: dict[str, dict[str, Any]],
           lists: dict[str, str]) -> DeskAnswer:
    found, result = holders.get(str(scanned.ticket)), scanned.result
    who = {"ticket_id": found["ticket_id"], "name": found["name"],
           "company": found["company"]} if found else {}
    if isinstance(result, DomainError):
        return DeskAnswer(command_id=scan.command_id, outcome="refused", message=result.message,
                          status=domain_status(result), **who)
    outcome = result.result.get("outcome") or f"checked_{scan.direction}"
    where = lists.get(scan.list_key, scan.list_key)
    message = result.result.get("conflict") or (
        f"Checked {'out' if outcome == 'checked_out' else 'in'} at {where}.")
    return DeskAnswer(command_id=scan.command_id, outcome=outcome, message=message, status=200,
                      replayed=result.replayed, **who)
