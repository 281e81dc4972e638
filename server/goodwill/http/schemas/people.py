"""People and their place at an event: registration, profile and consent choices."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from goodwill.http.schemas.common import (EMAIL_LONGEST, NAME_LONGEST, TEXT_LONGEST, Code,
                                          Command, ListKey, Name)

Email = Annotated[str, Meta(max_length=EMAIL_LONGEST, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
Short = Annotated[str, Meta(max_length=NAME_LONGEST)]
Long = Annotated[str, Meta(max_length=TEXT_LONGEST)]


class GrantOrganizer(Command):
    person_id: UUID


class Profile(msgspec.Struct, forbid_unknown_fields=True):
    name: Name
    company: Short = ""
    role: Short = ""
    offers: Long = ""
    needs: Long = ""


class Consent(msgspec.Struct, forbid_unknown_fields=True):
    """Nothing is shared unless the attendee says so."""

    listed_in_directory: bool = False
    shared_with_organizer: bool = False
    contact_shared_with_connections: bool = False
    kept_rate_on_profile: bool = False
    """Show how I keep my word (kept ÷ kept, overdue and released) on my directory profile."""


class RegisterAttendee(Command):
    """Whom: ``email`` (anyone; found or registered, the answer the same either way) or
    ``person_id`` (someone already at one of your events), exactly one."""

    profile: Profile
    email: Email | None = None
    person_id: UUID | None = None
    consent: Consent = msgspec.field(default_factory=Consent)
    ticket_code: Code | None = None
    lists: Annotated[list[ListKey], Meta(max_length=20)] = []


class UpdateProfile(Command):
    profile: Profile


class ChangeConsent(Command):
    consent: Consent


class Shown(msgspec.Struct):
    """A profile as an answer shows it: the fields of ``goodwill.domain.attendee.Profile``."""

    name: str
    company: str
    role: str
    offers: str
    needs: str


class Attendee(Shown):
    """My own attendee record at one event, with my badge's connect code."""

    attendee_id: UUID
    conference_id: UUID
    person_id: UUID
    connect_code: str
    listed_in_directory: bool
    shared_with_organizer: bool
    contact_shared_with_connections: bool
    kept_rate_on_profile: bool
    registered_at: str


class Listed(Shown):
    """A directory entry: only what an attendee who opted in shows to everyone."""

    person_id: UUID


class RosterEntry(msgspec.Struct, omit_defaults=True):
    """An attendee as the crew sees them. Every attendee is a row, so counts are right; the
    profile is there only for organizers and only if the attendee shared it with them, and
    staff get the name alone, to find someone at the door."""

    attendee_id: UUID
    checked_in: bool
    inside: bool
    revoked: bool
    ticket_type: str = ""
    """What was bought, as the shop named it; none for a ticket made here."""
    person_id: UUID | None = None
    name: str | None = None
    company: str | None = None
    role: str | None = None
    offers: str | None = None
    needs: str | None = None
    email: str | None = None


class SharedProfile(Shown):
    """A connection's profile at one event we both attend."""

    conference_id: UUID


class Contact(msgspec.Struct):
    """Someone I am connected with; ``email`` is null unless they share contact details
    with their connections."""

    person_id: UUID
    events: list[SharedProfile]
    email: str | None


class ConsentChoice(msgspec.Struct):
    """The consent choices in force from ``at`` on."""

    at: str
    listed_in_directory: bool
    shared_with_organizer: bool
    contact_shared_with_connections: bool
    kept_rate_on_profile: bool
