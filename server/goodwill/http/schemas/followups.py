"""Listening notes and promises, and dismissing a suggestion."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from msgspec import Meta

from goodwill.domain.note import NOTE_KINDS
from goodwill.http.schemas.common import AtEvent, Command, Reason, Text

NoteKind = Literal[NOTE_KINDS]  # type: ignore[valid-type]


class Note(AtEvent):
    about: UUID
    kind: NoteKind
    text: Text


class ReviseNote(Command):
    kind: NoteKind
    text: Text


class Promise(AtEvent):
    promisee: UUID
    what: Text
    due_on: date


class Reschedule(Command):
    due_on: date


class DropPromise(Command):
    reason: Reason = ""


class Dismiss(Command):
    """``suggestion`` is a suggestion's ``key`` as ``GET /me/suggestions`` gives it."""

    suggestion: Annotated[str, Meta(max_length=200)]
