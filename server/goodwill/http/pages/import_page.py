"""The organizer's import: upload a CSV export, see how it reads (and change that), start
it, watch it run, read what it did. One URL per upload shows whichever of these is due.

The upload waits in the job store, so any worker shows its preview and progress; the
import runs in a background task of the worker asked to start it. If that worker stops,
the job stalls and may be resumed: its finished chunks answer from their receipts.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import quote
from uuid import UUID

from litestar import Request, Response, get, post
from litestar.background_tasks import BackgroundTask
from litestar.datastructures import State, UploadFile
from litestar.exceptions import ClientException
from litestar.response import Redirect, Template

from goodwill.bootstrap import System
from goodwill.domain.errors import NotFoundError
from goodwill.http.core.access import ORGANIZERS, require_role
from goodwill.http.core.actor import organizers_before_the_body
from goodwill.http.pages.forms.common import Invalid, page, wants_fragment
from goodwill.http.pages.forms.importing import choices_of, lists_of, mapping_of, stored
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.imports import UPLOAD_BYTES
from goodwill.imports import jobs
from goodwill.imports.batches import Tally, run_import
from goodwill.imports.presets import FIELDS, PRESETS
from goodwill.imports.preview import Prepared
from goodwill.imports.rejected import rejected_csv
from goodwill.imports.table import NAMED

log = logging.getLogger(__name__)
JOINED = ("name", "external_id")
"""Fields the page lets make of two columns, as presets do (first and last name)."""
PAGE = "/events/{conference_id:uuid}/import"
JOB = PAGE + "/{import_id:uuid}"


@get(PAGE)
async def import_form(request: Request, conference_id: PathId, reader: Reads,
                      actor: Actor) -> Template:
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    return page(request, "organizer/import.html", form_context(event))


def form_context(event: dict[str, Any], errors: dict[str, str] | None = None) -> dict[str, Any]:
    return {"event": event, "presets": PRESETS, "separators": NAMED, "errors": errors or {}}


@post(PAGE, request_max_body_size=UPLOAD_BYTES + 64 * 1024, guards=[organizers_before_the_body])
async def upload(request: Request, state: State, conference_id: PathId, reader: Reads,
                 actor: Actor) -> Response:
    """A bad file comes back to the form with the reason next to the file field."""
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    form = await request.form()
    file = form.get("file")
    try:
        choices = choices_of(form)
        if not isinstance(file, UploadFile) or not file.filename:
            raise Invalid("file", "Please choose a CSV or Excel file.")
        import_id = await asyncio.to_thread(stored, state.system.writer, conference_id,
                                            file.filename, await file.read(), choices)
    except Invalid as error:
        return page(request, "organizer/import.html",
                    form_context(event, {error.field: error.message}), status_code=400)
    return Redirect(f"/events/{conference_id}/import/{import_id}", status_code=303)


async def found(reader: Reads, conference_id: UUID, import_id: UUID,
                actor: UUID) -> tuple[dict[str, Any], jobs.Job]:
    event = await require_role(reader, conference_id, actor, ORGANIZERS)
    job = await jobs.job(reader, conference_id, import_id)
    if job is None:
        raise NotFoundError("No such import: an upload nobody imports is kept for a day.")
    return event, job


@get(JOB)
async def import_job(request: Request, goodwill: App, conference_id: PathId,
                     import_id: PathId, reader: Reads, actor: Actor) -> Response:
    """htmx polls this while the import runs; once it has ended, the poll reloads the page,
    whose list of bad rows may be longer than a fragment should be. Before it runs, the
    preview is a dry run of the import itself: what it would create, update or refuse."""
    event, job = await found(reader, conference_id, import_id, actor)
    if wants_fragment(request) and job.state != "running":
        return Response("", headers={"HX-Refresh": "true"})
    context = {"event": event, "job": job, "url": f"/events/{conference_id}/import/{import_id}",
               "fields": FIELDS, "joined": JOINED, "presets": PRESETS, "separators": NAMED,
               "bad": job.result.get("bad", []), "kept": job.result.get("kept", [])}
    if job.state == "ready":
        context["prepared"], context["would"] = prepared, would = await dry_run(goodwill, job,
                                                                              actor)
        context["bad"], context["kept"] = would.as_dict()["bad"], would.as_dict()["kept"]
        context["changes"] = would.changes
        context["rejected"] = f"{context['url']}/rejected.csv"
    return page(request, "organizer/import_job.html", context, "organizer/_import_progress.html")


async def dry_run(goodwill: App, job: jobs.Job, actor: UUID) -> tuple[Prepared, Tally]:
    """The file as it reads now, and what importing it would do, saving nothing."""
    prepared = await asyncio.to_thread(job.prepared)
    would = await asyncio.to_thread(run_import, goodwill, actor, job.import_id,
                                    job.conference_id, prepared.rows, prepared.bad,
                                    dry_run=True)
    return prepared, would


@get(JOB + "/rejected.csv")
async def rejected(goodwill: App, conference_id: PathId, import_id: PathId, reader: Reads,
                   actor: Actor) -> Response:
    """Before the import runs; once it has, the file's text is gone, and so are these."""
    _, job = await found(reader, conference_id, import_id, actor)
    if job.state != "ready":
        raise NotFoundError("The file is deleted once it is imported: this list was offered"
                            " before.")
    prepared, would = await dry_run(goodwill, job, actor)
    content = await asyncio.to_thread(rejected_csv, job.content, prepared.separator,
                                      would.as_dict()["bad"])
    stem = job.filename.rsplit(".", 1)[0] or "import"
    return Response(content, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{quote(stem)}-not-imported.csv",
        "Cache-Control": "no-store"})


@post(JOB + "/reading")
async def change_reading(request: Request, state: State, conference_id: PathId,
                         import_id: PathId, reader: Reads, actor: Actor) -> Redirect:
    """Another preset or separator, pending orders or not: the columns are chosen afresh
    from the preset; each product's entrances stay as chosen."""
    _, job = await found(reader, conference_id, import_id, actor)
    try:
        choices = choices_of(await request.form())
    except Invalid as error:
        raise ClientException(detail=error.message) from None
    await asyncio.to_thread(jobs.choose, state.system.writer, import_id,
                            {**choices, "lists": job.choices.get("lists")})
    return Redirect(f"/events/{conference_id}/import/{import_id}", status_code=303)


@post(JOB + "/columns")
async def change_columns(request: Request, state: State, conference_id: PathId,
                         import_id: PathId, reader: Reads, actor: Actor) -> Redirect:
    _, job = await found(reader, conference_id, import_id, actor)
    width = len((await asyncio.to_thread(job.prepared)).header)
    mapping = mapping_of(await request.form(), width)
    await asyncio.to_thread(jobs.choose, state.system.writer, import_id,
                            {**job.choices, "mapping": mapping})
    return Redirect(f"/events/{conference_id}/import/{import_id}", status_code=303)


@post(JOB + "/lists")
async def change_lists(request: Request, state: State, conference_id: PathId,
                       import_id: PathId, reader: Reads, actor: Actor) -> Redirect:
    """Products whose tickets open only some entrances; the rest open every one."""
    event, job = await found(reader, conference_id, import_id, actor)
    products = list((await asyncio.to_thread(job.prepared)).products or {})
    lists = lists_of(await request.form(), products, event["check_in_lists"])
    await asyncio.to_thread(jobs.choose, state.system.writer, import_id,
                            {**job.choices, "lists": lists})
    return Redirect(f"/events/{conference_id}/import/{import_id}", status_code=303)


@post(JOB)
async def start(state: State, conference_id: PathId, import_id: PathId, reader: Reads,
                actor: Actor) -> Redirect:
    """Confirming twice, or in two tabs, starts it once; a stalled import resumes."""
    await found(reader, conference_id, import_id, actor)
    claimed = await asyncio.to_thread(jobs.claim, state.system.writer, import_id, actor)
    return Redirect(f"/events/{conference_id}/import/{import_id}", status_code=303,
                    background=BackgroundTask(run, state.system, import_id) if claimed else None)


async def run(system: System, import_id: UUID) -> None:
    try:
        await asyncio.to_thread(jobs.run, system.app, system.writer, import_id)
    except Exception:  # the job stalls; its page offers to resume it
        log.exception("import %s stopped", import_id)


HANDLERS = [import_form, upload, import_job, rejected, change_reading, change_columns,
            change_lists, start]
