"""What each form of an event's console does: the command it runs, under the form's command
id so that a double click is one command."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from goodwill.application import Goodwill, Outcome
from goodwill.http.pages.forms import event as read
from goodwill.http.pages.forms.common import command_id, row_command
from goodwill.tokens import Keys

Action = Callable[[Goodwill, UUID, UUID, Any, Keys], Outcome]


def details(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    return app.change_details(actor, command_id(form), event, **read.event_details(form))


def add_list(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    (key, name), = read.check_in_list(form, "list_name").items()
    return app.add_check_in_list(actor, command_id(form), event, key, name)


def issue_device(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    return app.issue_device(actor, command_id(form), event, read.text(form, "label"))


def revoke_device(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    device = read.chosen_id(form, "device_id")
    return app.revoke_device(actor, row_command(form, device), event, device)


def add_staff(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    """The person is found by email, or registered, in the same command."""
    return app.add_staff(actor, command_id(form), event, name=read.text(form, "name"),
                         email=read.email(form))


def remove_staff(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    person = read.chosen_id(form, "person_id")
    return app.remove_staff(actor, row_command(form, person), event, person)


def open_registration(app: Goodwill, actor: UUID, event: UUID, form: Any, keys: Keys) -> Outcome:
    """Without a chosen code, one derived from the command id: a resent form sets the same."""
    cid = command_id(form)
    code = read.join_code(form) or keys.join_code(cid)
    return app.open_registration(actor, cid, event, *keys.join_code_kept(code))


def close_registration(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Outcome:
    return app.close_registration(actor, command_id(form), event)


ACTIONS: dict[str, tuple[str, Action]] = {
    "details": ("details", details), "add_list": ("lists", add_list),
    "issue_device": ("devices", issue_device),
    "revoke_device": ("device_list", revoke_device), "add_staff": ("staff", add_staff),
    "remove_staff": ("staff", remove_staff),
    "open_registration": ("registration", open_registration),
    "close_registration": ("registration", close_registration),
}
"""Each form's action: the console section it belongs to, and what it does."""
