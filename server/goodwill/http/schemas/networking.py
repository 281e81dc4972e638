"""Meeting people: connections by badge or by hand, and introductions."""

from __future__ import annotations

from uuid import UUID

from goodwill.http.schemas.common import Code, Command, Happened, Moment, Text


class ConnectByBadge(Command):
    connect_code: Code
    happened_at: Moment | None = None


class Connect(Happened, kw_only=True):
    person_id: UUID


class Introduce(Happened, kw_only=True):
    person_a: UUID
    person_b: UUID
    why: Text = ""


class AnswerIntroduction(Command):
    accept: bool
