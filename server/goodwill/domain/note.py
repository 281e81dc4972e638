"""What I learned about a contact's needs, goals and challenges. Private to its author."""

from __future__ import annotations

from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError

NOTE_KINDS = ("need", "goal", "challenge")


class ListeningNote(Aggregate):
    @event("Noted")
    def __init__(self, author: UUID, about: UUID, conference_id: UUID, kind: str,
                 text: str) -> None:
        check_kind(kind)
        self.author, self.about = author, about
        self.kind, self.text = kind, text
        self.removed = False

    def revise(self, actor: UUID, kind: str, text: str) -> None:
        self._check_author(actor)
        check_kind(kind)
        self._revised(kind=kind, text=text)

    @event("Revised")
    def _revised(self, kind: str, text: str) -> None:
        self.kind, self.text = kind, text

    def remove(self, actor: UUID) -> None:
        self._check_author(actor)
        self._removed()

    @event("Removed")
    def _removed(self) -> None:
        self.removed = True

    def _check_author(self, actor: UUID) -> None:
        if actor != self.author:
            raise NotAllowedError("Only the author can change a listening note.")
        if self.removed:
            raise ConflictError("This note has been removed.")


def check_kind(kind: str) -> None:
    if kind not in NOTE_KINDS:
        raise DomainError(f"A listening note is about a {', '.join(NOTE_KINDS)}.")
