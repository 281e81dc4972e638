"""Meeting people: connections by badge or by request, and introductions."""

from __future__ import annotations

from uuid import UUID

import msgspec

from goodwill.http.schemas.common import Code, Command, Happened, Moment, Text


class ConnectByBadge(Command):
    connect_code: Code
    happened_at: Moment | None = None


class Introduce(Happened, kw_only=True):
    person_a: UUID
    person_b: UUID
    why: Text = ""


class AnswerIntroduction(Command):
    accept: bool


class RequestConnection(Happened, kw_only=True):
    person_id: UUID


class AnswerConnectionRequest(Command):
    accept: bool
    block: bool = False
    """With ``accept`` false: no further requests from this sender ever reach me."""


class WaitingRequest(msgspec.Struct):
    """A request to me, not yet answered, with what its sender shows at that event."""

    request_id: UUID
    conference_id: UUID
    person_id: UUID
    name: str
    company: str | None
    role: str | None
    sent_at: str
