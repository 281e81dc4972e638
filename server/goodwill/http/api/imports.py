"""Importing attendees by script: the same checks, presets and chunked import as the
organizer's page, answered when done."""

from __future__ import annotations

import asyncio
import hashlib
from uuid import UUID

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.application import Goodwill
from goodwill.domain.errors import DomainError
from goodwill.domain.ids import derived
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.core.actor import organizers_before_the_body
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.imports import (UPLOAD_BYTES, Change, ImportAnswer, ImportAttendees,
                                           NotImported)
from goodwill.imports.batches import run_import
from goodwill.imports.preview import prepare


class ImportController(Controller):
    path = "/events/{conference_id:uuid}/imports"
    tags = ["attendees"]

    @post("/", status_code=200, request_max_body_size=UPLOAD_BYTES + 64 * 1024,
          guards=[organizers_before_the_body])
    async def import_attendees(self, conference_id: PathId, data: JSONBody[ImportAttendees],
                               goodwill: App, reader: Reads, actor: Actor) -> ImportAnswer:
        """Organizers only. Rows are matched by ticket id, else by email: importing an
        updated export changes what changed and registers nobody twice."""
        await require_role(reader, conference_id, actor, ORGANIZERS)
        return await asyncio.to_thread(imported, goodwill, actor, conference_id, data)


def imported(app: Goodwill, actor: UUID, conference_id: UUID, data: ImportAttendees) -> ImportAnswer:
    try:
        prepared = prepare(data.csv, "text", data.separator, data.preset, named=data.mapping,
                           pending=data.include_pending,
                           lists_by_type={k: tuple(v) for k, v in (data.lists or {}).items()})
    except ValueError as error:  # a file that is no table, or a mapping it cannot have
        raise DomainError(str(error)) from None
    import_id = derived("api-import", data.command_id, digest(data))
    tally = run_import(app, actor, import_id, conference_id, prepared.rows, prepared.bad,
                       dry_run=data.dry_run)
    result = tally.as_dict()
    return ImportAnswer(import_id, prepared.preset.key, prepared.separator, len(prepared.rows),
                        tally.created, tally.updated, tally.unchanged,
                        [NotImported(line, reason) for line, reason in result["bad"]],
                        tally.position, data.dry_run,
                        [NotImported(line, reason) for line, reason in result["kept"]],
                        prepared.further, prepared.skipped,
                        [Change(*change) for change in tally.changes])


def digest(data: ImportAttendees) -> str:
    """What makes two requests with one command id the same import."""
    options = (f"{data.preset}|{data.separator}|{sorted((data.mapping or {}).items())}"
               f"|{data.include_pending}|{sorted((data.lists or {}).items())}")
    return hashlib.sha256((options + "\0" + data.csv).encode()).hexdigest()
