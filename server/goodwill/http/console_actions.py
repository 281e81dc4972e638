"""What each form of an event's console does: the command it runs (under the form's command
id, so a double click is one command) and what its answer shows that the store does not
keep, such as a door device's link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from goodwill.application import Goodwill, Outcome
from goodwill.http import event_forms as read
from goodwill.http.forms import command_id
from goodwill.tokens import Keys


@dataclass(frozen=True)
class Done:
    """A command's outcome (None for a form that only shows something) and what to show."""

    outcome: Outcome | None
    shown: dict[str, Any] = field(default_factory=dict)


Action = Callable[[Goodwill, UUID, UUID, Any, Keys], Done]


def details(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    return Done(app.change_details(actor, command_id(form), event, **read.event_details(form)))


def add_list(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    (key, name), = read.check_in_list(form, "list_name").items()
    return Done(app.add_check_in_list(actor, command_id(form), event, key, name))


def issue_device(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    """Shown at once: the device's link is derived from its id, so a resent form (one
    command) shows the same link."""
    outcome = app.issue_device(actor, command_id(form), event, read.text(form, "label"))
    return Done(outcome, {"device_id": outcome.result["device_id"]})


def show_device(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    """Records nothing; the page shows the link only for one of this event's live devices."""
    return Done(None, {"device_id": read.chosen_id(form, "device_id")})


def revoke_device(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    return Done(app.revoke_device(actor, command_id(form), event,
                                  read.chosen_id(form, "device_id")))


def add_staff(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    """Two commands, each with its form's id: find (or register) the person by email, then
    put them on the staff."""
    name, email = read.text(form, "name"), read.email(form)
    person = app.register_person(actor, command_id(form, "person_command_id"), name, email)
    return Done(app.add_staff(actor, command_id(form), event, person.result["person_id"]))


def remove_staff(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    return Done(app.remove_staff(actor, command_id(form), event,
                                 read.chosen_id(form, "person_id")))


def open_registration(app: Goodwill, actor: UUID, event: UUID, form: Any, keys: Keys) -> Done:
    """Without a chosen code, one derived from the command id: a resent form sets the same."""
    cid = command_id(form)
    code = read.join_code(form) or keys.join_code(cid)
    return Done(app.open_registration(actor, cid, event, *keys.join_code_kept(code)))


def close_registration(app: Goodwill, actor: UUID, event: UUID, form: Any, _: Keys) -> Done:
    return Done(app.close_registration(actor, command_id(form), event))


ACTIONS: dict[str, tuple[str, Action]] = {
    "details": ("details", details), "add_list": ("lists", add_list),
    "issue_device": ("devices", issue_device), "show_device": ("devices", show_device),
    "revoke_device": ("devices", revoke_device), "add_staff": ("staff", add_staff),
    "remove_staff": ("staff", remove_staff),
    "open_registration": ("registration", open_registration),
    "close_registration": ("registration", close_registration),
}
"""Each form's action: the console section it belongs to, and what it does."""
