"""A person's participation in one event: profile, consent choices and badge."""

from __future__ import annotations

from dataclasses import dataclass, fields
from uuid import UUID

from eventsourcing.domain import Aggregate, event


@dataclass(frozen=True)
class Profile:
    name: str
    company: str = ""
    role: str = ""
    offers: str = ""
    needs: str = ""


@dataclass(frozen=True)
class Consent:
    """Privacy by default: nothing is shared until the attendee says so."""

    listed_in_directory: bool = False
    shared_with_organizer: bool = False
    contact_shared_with_connections: bool = False
    kept_rate_on_profile: bool = False


PROFILE = tuple(f.name for f in fields(Profile))
"""The profile's fields in order: read models, imports and exports take them from here."""
CONSENT = tuple(f.name for f in fields(Consent))
"""The consent choices in order: a new choice is added here alone, and every read model
that keeps them gains its column (and rebuilds itself, see ``Projection.reshaped``)."""


class Attendee(Aggregate):
    id: UUID  # derived, passed in by the application

    @event("Registered")
    def __init__(self, conference_id: UUID, person_id: UUID, connect_code: str,
                 profile: dict, consent: dict) -> None:
        self.conference_id, self.person_id = conference_id, person_id
        self.connect_code = connect_code
        self.profile = Profile(**profile)
        self.consent = Consent(**consent)

    @event("ProfileUpdated")
    def update_profile(self, profile: dict) -> None:
        self.profile = Profile(**profile)

    @event("ConsentChanged")
    def change_consent(self, consent: dict) -> None:
        self.consent = Consent(**consent)


class Badge(Aggregate):
    """Index from a public connect code to its attendee; id derived from the code."""

    id: UUID  # derived, passed in by the application

    @event("Printed")
    def __init__(self, attendee_id: UUID, conference_id: UUID, person_id: UUID) -> None:
        self.attendee_id, self.conference_id, self.person_id = attendee_id, conference_id, person_id
