"""Listening notes and promises: what I learned about a contact and what I owe them; and the
suggestions of what to do next that I dismiss."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from goodwill.application.core import CommandApplication, Outcome
from goodwill.domain.note import ListeningNote
from goodwill.domain.personal import Personal
from goodwill.domain.promise import Promise
from goodwill.domain.suggestion import Dismissal, check_suggestion, dismissal_id


class FollowUpCommands(CommandApplication):
    def note(self, actor: UUID, command_id: UUID, conference_id: UUID, about: UUID, kind: str,
             text: str) -> Outcome:
        def decide():
            self.check_attending(conference_id, actor, about)
            note = ListeningNote(author=actor, about=about, conference_id=conference_id,
                                 kind=kind, text=Personal(actor, text))
            return (note,), {"note_id": note.id}
        return self.execute(actor, command_id, "note", decide)

    def revise_note(self, actor: UUID, command_id: UUID, note_id: UUID, kind: str,
                    text: str) -> Outcome:
        return self.update(actor, command_id, "revise_note", ListeningNote, note_id,
                           lambda n: n.revise(actor, kind, Personal(actor, text)))

    def remove_note(self, actor: UUID, command_id: UUID, note_id: UUID) -> Outcome:
        return self.update(actor, command_id, "remove_note", ListeningNote, note_id,
                           lambda n: n.remove(actor))

    def promise(self, actor: UUID, command_id: UUID, conference_id: UUID, promisee: UUID,
                what: str, due_on: date) -> Outcome:
        def decide():
            self.check_attending(conference_id, actor, promisee)
            promise = Promise(promiser=actor, promisee=promisee, conference_id=conference_id,
                              what=Personal(actor, what), due_on=due_on)
            return (promise,), {"promise_id": promise.id}
        return self.execute(actor, command_id, "promise", decide)

    def keep_promise(self, actor: UUID, command_id: UUID, promise_id: UUID) -> Outcome:
        return self.update(actor, command_id, "keep_promise", Promise, promise_id,
                           lambda p: p.keep(actor))

    def drop_promise(self, actor: UUID, command_id: UUID, promise_id: UUID,
                     reason: str = "") -> Outcome:
        return self.update(actor, command_id, "drop_promise", Promise, promise_id,
                           lambda p: p.drop(actor, Personal(actor, reason)))

    def reschedule_promise(self, actor: UUID, command_id: UUID, promise_id: UUID,
                           due_on: date) -> Outcome:
        return self.update(actor, command_id, "reschedule_promise", Promise, promise_id,
                           lambda p: p.reschedule(actor, due_on))

    def dismiss_suggestion(self, actor: UUID, command_id: UUID, suggestion: str) -> Outcome:
        """A suggestion dismissed stays gone; dismissing it again changes nothing."""
        def decide():
            dismissal_of = dismissal_id(actor, check_suggestion(suggestion))
            if self.find(Dismissal, dismissal_of) is not None:
                return (), {"suggestion": suggestion}
            return (Dismissal(person=actor, suggestion=suggestion, id=dismissal_of),), \
                {"suggestion": suggestion}
        return self.execute(actor, command_id, "dismiss_suggestion", decide)
