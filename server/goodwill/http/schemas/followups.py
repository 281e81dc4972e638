"""Listening notes and promises."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

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
