"""Connections: two attendees who met, by scanning a badge or adding each other by hand."""

from __future__ import annotations

from litestar import Controller, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.markers import Actor, App
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.networking import Connect, ConnectByBadge


class ConnectionController(Controller):
    path = "/connections"
    tags = ["connections"]

    @post("/", sync_to_thread=True)
    def connect(self, data: JSONBody[Connect], goodwill: App, actor: Actor) -> CommandAnswer:
        return run(goodwill.connect, actor, data)

    @post("/badge", sync_to_thread=True)
    def connect_by_badge(self, data: JSONBody[ConnectByBadge], goodwill: App,
                         actor: Actor) -> CommandAnswer:
        """The badge's connect code finds its wearer; meeting twice keeps one connection."""
        return run(goodwill.connect_by_badge, actor, data)
