"""A suggestion I do not want to see again. Suggestions themselves are worked out by a read
model from what happened; dismissing one is a fact of its own, so it stays gone through
every rebuild."""

from __future__ import annotations

import re
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import DomainError
from goodwill.domain.ids import derived

ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
SUGGESTION = re.compile(rf"introduce:{ID}(@{ID})?:{ID}|(thank|help_back|follow_up):{ID}")
"""What a suggestion is named by: ``introduce:<need>:<offering attendee>`` (a declared need
is ``<attendee>@<the person it is suggested to>``), ``thank:<give>``, ``help_back:<person>``
or ``follow_up:<person>``."""


class Dismissal(Aggregate):
    id: UUID  # derived from the person and the suggestion: dismissing twice is one fact

    @event("Made")
    def __init__(self, person: UUID, suggestion: str) -> None:
        self.person, self.suggestion = person, suggestion


def dismissal_id(person: UUID, suggestion: str) -> UUID:
    return derived("dismissal", person, suggestion)


def check_suggestion(suggestion: str) -> str:
    if not SUGGESTION.fullmatch(suggestion):
        raise DomainError("That is not a suggestion Goodwill makes; it names what to dismiss"
                          " as the suggestions list gives it.")
    return suggestion
