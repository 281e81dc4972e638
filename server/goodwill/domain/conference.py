"""An event (a conference or meetup): its dates, time zone, entrances and the people who run it.

Named ``Conference`` in code so it never clashes with a domain *event*.
"""

from __future__ import annotations

import hmac
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError, NotFoundError


class Conference(Aggregate):
    @event("Created")
    def __init__(self, name: str, starts_on: date, ends_on: date, timezone: str,
                 venue: str, organizer_id: UUID) -> None:
        check_dates(starts_on, ends_on)
        self.name, self.venue, self.timezone = name, venue, timezone
        self.starts_on, self.ends_on = starts_on, ends_on
        self.organizers: set[UUID] = {organizer_id}
        self.staff: set[UUID] = set()
        self.check_in_lists: dict[str, str] = {}
        self.join_code_digest: str | None = None

    @event("DetailsChanged")
    def change_details(self, name: str, starts_on: date, ends_on: date, timezone: str,
                       venue: str) -> None:
        check_dates(starts_on, ends_on)
        self.name, self.venue, self.timezone = name, venue, timezone
        self.starts_on, self.ends_on = starts_on, ends_on

    def add_check_in_list(self, key: str, name: str) -> None:
        if key in self.check_in_lists:
            raise ConflictError(f"There is already a check-in list '{key}'.")
        self._check_in_list_added(key=key, name=name)

    @event("CheckInListAdded")
    def _check_in_list_added(self, key: str, name: str) -> None:
        self.check_in_lists[key] = name

    def list_name(self, key: str) -> str:
        try:
            return self.check_in_lists[key]
        except KeyError:
            raise NotFoundError(f"This event has no check-in list '{key}'.") from None

    @event("StaffAdded")
    def add_staff(self, person_id: UUID) -> None:
        self.staff.add(person_id)

    @event("StaffRemoved")
    def remove_staff(self, person_id: UUID) -> None:
        self.staff.discard(person_id)

    @event("OrganizerAdded")
    def add_organizer(self, person_id: UUID) -> None:
        self.organizers.add(person_id)

    class RegistrationOpened(Aggregate.Event):
        """Version 2 also carries the code sealed with the server's key, so organizers can
        show it again (see :meth:`goodwill.tokens.Keys.seal`); a version 1 code is gone."""

        class_version = 2
        join_code_digest: str
        sealed_code: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["sealed_code"] = ""

    @event(RegistrationOpened)
    def open_registration(self, join_code_digest: str, sealed_code: str) -> None:
        """Anyone with the join code may register themselves. Only the code's keyed digest
        and its sealed form are kept, so the store never shows the code itself."""
        self.join_code_digest = join_code_digest

    @event("RegistrationClosed")
    def close_registration(self) -> None:
        self.join_code_digest = None

    def check_join_code(self, join_code_digest: str) -> None:
        if self.join_code_digest is None:
            raise NotAllowedError("Registration for this event is closed.")
        if not hmac.compare_digest(self.join_code_digest, join_code_digest):
            raise NotAllowedError("That join code is not valid.")

    def is_organizer(self, person_id: UUID) -> bool:
        return person_id in self.organizers

    def can_check_in(self, person_id: UUID) -> bool:
        return person_id in self.organizers or person_id in self.staff


def check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise DomainError("The event cannot end before it starts.")


class JoinCode(Aggregate):
    """Index from a join code's digest to its event, so a code alone finds the event."""

    id: UUID  # derived from the digest, passed in by the application

    @event("Chosen")
    def __init__(self, conference_id: UUID) -> None:
        self.conference_id = conference_id
