"""Connections: two attendees who met, by scanning a badge or by a request the other accepts."""

from __future__ import annotations

from litestar import Controller, get, post
from litestar.params import JSONBody

from goodwill.http.commands import run
from goodwill.http.core.markers import Actor, App, PathId, Reads
from goodwill.http.schemas.common import CommandAnswer
from goodwill.http.schemas.networking import (AnswerConnectionRequest, ConnectByBadge,
                                              RequestConnection, WaitingRequest)
from goodwill.projections import connection_requests


class ConnectionController(Controller):
    path = "/connections"
    tags = ["connections"]

    @post("/badge", sync_to_thread=True)
    def connect_by_badge(self, data: JSONBody[ConnectByBadge], goodwill: App,
                         actor: Actor) -> CommandAnswer:
        """The badge's connect code finds its wearer; meeting twice keeps one connection."""
        return run(goodwill.connect_by_badge, actor, data)


class ConnectionRequestController(Controller):
    """For people who met without scanning a badge: one asks, the other answers."""

    path = "/connection-requests"
    tags = ["connections"]

    @post("/", sync_to_thread=True)
    def request(self, data: JSONBody[RequestConnection], goodwill: App,
                actor: Actor) -> CommandAnswer:
        """``status`` is ``pending`` until the other person accepts (then ``connected``),
        whatever they did with an earlier request."""
        return run(goodwill.request_connection, actor, data)

    @post("/{request_id:uuid}/answer", status_code=200, sync_to_thread=True)
    def answer(self, request_id: PathId, data: JSONBody[AnswerConnectionRequest],
               goodwill: App, actor: Actor) -> CommandAnswer:
        return run(goodwill.answer_connection_request, actor, data, request_id=request_id)

    @get("/waiting")
    async def waiting(self, reader: Reads, actor: Actor) -> list[WaitingRequest]:
        """Requests to me that I have not answered, newest first."""
        return [WaitingRequest(**row) for row in await connection_requests.waiting_for(reader,
                                                                                      actor)]
