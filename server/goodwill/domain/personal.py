"""Personal data inside an event: a name, an email, a note's text.

Events are immutable, so personal data is sealed with a key of its owner's own as it enters
the store; forgetting a person destroys that key. Read back, a value is plain text again, or
"" once its owner has been forgotten, so every reader and rebuild sees nothing of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID


@dataclass(frozen=True)
class Personal:
    owner: UUID
    text: str


def personal(owner: UUID, **fields: str) -> dict[str, Personal]:
    """Mark each of ``fields`` as ``owner``'s."""
    return {name: Personal(owner, text) for name, text in fields.items()}
