"""Closing a promise from a page: kept, or released with a reason the person promised
reads. The contact page and the follow-ups list share it, as they share the domain's
``keep_promise`` and ``drop_promise``."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.application import Goodwill, Outcome
from goodwill.http.pages.forms.common import command_id, required
from goodwill.http.schemas.common import REASON_LONGEST


def close_promise(app: Goodwill, actor: UUID, promise_id: UUID, form: Any) -> Outcome:
    if required(form, "answer", ("kept", "release")) == "kept":
        return app.keep_promise(actor, command_id(form), promise_id)
    return app.drop_promise(actor, command_id(form), promise_id,
                            required(form, "reason", longest=REASON_LONGEST))
