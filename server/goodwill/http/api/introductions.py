"""Introductions: A introduces B and C; when both accept, they are connected."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, PathId
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.networking import AnswerIntroduction, Introduce


class IntroductionController(Controller):
    path = "/introductions"
    tags = ["introductions"]

    @post("/", sync_to_thread=True)
    def introduce(self, data: JSONBody[Introduce], goodwill: App, actor: Actor) -> CommandAnswer:
        """Counts as a give from the introducer to each of the two people."""
        return run(goodwill.introduce, actor, data)

    @post("/{introduction_id:uuid}/answer", status_code=200, sync_to_thread=True)
    def answer(self, introduction_id: PathId, data: JSONBody[AnswerIntroduction], goodwill: App,
               actor: Actor) -> CommandAnswer:
        return run(goodwill.answer_introduction, actor, data, introduction_id=introduction_id)
