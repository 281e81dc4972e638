"""Promises: follow-ups I owe someone, with a due date, until kept or dropped."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, PathId
from goodwill.http.schemas.common import Command, CommandAnswer
from goodwill.http.schemas.followups import DropPromise, Promise, Reschedule


class PromiseController(Controller):
    path = "/promises"
    tags = ["promises"]

    @post("/", sync_to_thread=True)
    def promise(self, data: JSONBody[Promise], goodwill: App, actor: Actor) -> CommandAnswer:
        return run(goodwill.promise, actor, data)

    @post("/{promise_id:uuid}/keep", status_code=200, sync_to_thread=True)
    def keep(self, promise_id: PathId, data: JSONBody[Command], goodwill: App,
             actor: Actor) -> CommandAnswer:
        return run(goodwill.keep_promise, actor, data, promise_id=promise_id)

    @post("/{promise_id:uuid}/drop", status_code=200, sync_to_thread=True)
    def drop(self, promise_id: PathId, data: JSONBody[DropPromise], goodwill: App,
             actor: Actor) -> CommandAnswer:
        return run(goodwill.drop_promise, actor, data, promise_id=promise_id)

    @post("/{promise_id:uuid}/reschedule", status_code=200, sync_to_thread=True)
    def reschedule(self, promise_id: PathId, data: JSONBody[Reschedule], goodwill: App,
                   actor: Actor) -> CommandAnswer:
        return run(goodwill.reschedule_promise, actor, data, promise_id=promise_id)
