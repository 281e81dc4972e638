"""What the desk's page and its API share: running scans in the order they were made, each
its own command, and answering each with what the door needs to see.

A batch is not a transaction: each scan is decided and saved on its own, so one refusal
never holds up the others, and a batch sent again is answered scan by scan from receipts.
"""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

from litestar.datastructures import State

from goodwill.application import Goodwill, Outcome
from goodwill.database import Reader
from goodwill.domain.errors import DomainError
from goodwill.domain.ids import ticket_id
from goodwill.http.errors import domain_status
from goodwill.http.schemas.desk import DeskAnswer, DeskAnswers, DeskScan
from goodwill.projections import door

Result = Outcome | DomainError


def ticket_of(scan: DeskScan) -> UUID:
    return scan.ticket_id or ticket_id(scan.ticket_code or "")


def scan_one(app: Goodwill, actor: UUID, conference_id: UUID, scan: DeskScan) -> Outcome:
    ticket = ticket_of(scan)
    if scan.direction == "out":
        return app.check_out_ticket(actor, scan.command_id, conference_id, ticket,
                                    scan.list_key, scan.device, scan.scanned_at)
    return app.check_in_ticket(actor, scan.command_id, conference_id, ticket, scan.list_key,
                               scan.device, scan.scanned_at, scan.offline)


def scan_all(app: Goodwill, actor: UUID, conference_id: UUID,
             scans: list[DeskScan]) -> list[Result]:
    results: list[Result] = []
    for scan in scans:
        try:
            results.append(scan_one(app, actor, conference_id, scan))
        except DomainError as refusal:
            results.append(refusal)
    return results


async def run_scans(state: State, reader: Reader, actor: UUID, conference_id: UUID,
                    event: dict[str, Any], scans: list[DeskScan]) -> DeskAnswers:
    """Scans in a worker thread, one command each; then each answer with its ticket's holder."""
    results = await asyncio.to_thread(scan_all, state.system.app, actor, conference_id, scans)
    ids = {str(ticket_of(scan)) for scan in scans}
    holders = {found: row for found, row in (await door.holders(reader, ids)).items()
               if row["conference_id"] == str(conference_id)}
    answers = [answer(scan, result, holders, event["check_in_lists"])
               for scan, result in zip(scans, results)]
    positions = [r.position for r in results if isinstance(r, Outcome)]
    return DeskAnswers(answers=answers, position=max(positions, default=0))


def answer(scan: DeskScan, result: Result, holders: dict[str, dict[str, Any]],
           lists: dict[str, str]) -> DeskAnswer:
    found = holders.get(str(ticket_of(scan)))
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
