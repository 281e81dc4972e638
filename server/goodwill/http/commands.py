"""One way to run a command from a request body and shape its answer, for every controller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from goodwill.application import Outcome
from goodwill.http.schemas.common import Command, CommandAnswer


def answer(outcome: Outcome, **shown: Any) -> CommandAnswer:
    """A replay answers with the first result, so a client retrying after a lost response
    learns the same ids it would have learnt the first time. ``shown`` adds what the
    receipt must not keep, such as a token derived from an id in the result."""
    return CommandAnswer(result={**outcome.result, **shown}, position=outcome.position,
                         replayed=outcome.replayed)


def run(command: Callable[..., Outcome], actor: UUID, data: Command, **ids: Any) -> CommandAnswer:
    """Call ``command`` with the body's fields as keyword arguments: a body's field names are
    the command's parameter names, so nothing is renamed on the way."""
    fields = {name: getattr(data, name) for name in data.__struct_fields__
              if name != "command_id"}
    return answer(command(actor, data.command_id, **ids, **fields))
