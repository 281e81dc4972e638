"""Listening notes: what I learned about a contact. Only their author can see or change them."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, PathId
from goodwill.http.schemas.common import Command, CommandAnswer
from goodwill.http.schemas.followups import Note, ReviseNote


class NoteController(Controller):
    path = "/notes"
    tags = ["notes"]

    @post("/", sync_to_thread=True)
    def note(self, data: JSONBody[Note], goodwill: App, actor: Actor) -> CommandAnswer:
        return run(goodwill.note, actor, data)

    @post("/{note_id:uuid}/revise", status_code=200, sync_to_thread=True)
    def revise(self, note_id: PathId, data: JSONBody[ReviseNote], goodwill: App,
               actor: Actor) -> CommandAnswer:
        return run(goodwill.revise_note, actor, data, note_id=note_id)

    @post("/{note_id:uuid}/remove", status_code=200, sync_to_thread=True)
    def remove(self, note_id: PathId, data: JSONBody[Command], goodwill: App,
               actor: Actor) -> CommandAnswer:
        return run(goodwill.remove_note, actor, data, note_id=note_id)
