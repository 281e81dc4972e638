"""Signing in and letting in: sessions, lost links, self-registration, door devices."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from goodwill.http.schemas.common import Command, Name
from goodwill.http.schemas.people import Consent, Email, Long, Short

Token = Annotated[str, Meta(max_length=200)]
Password = Annotated[str, Meta(max_length=1024)]
JoinCode = Annotated[str, Meta(min_length=6, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]


class SignIn(msgspec.Struct, forbid_unknown_fields=True):
    """The form the sign-in page posts; the token comes from the link's #fragment."""

    token: Token


class OrganizerSignIn(msgspec.Struct, forbid_unknown_fields=True):
    email: Email
    password: Password


class SignedIn(msgspec.Struct):
    """Who is signed in, and the token unsafe requests send as X-CSRF-Token."""

    person_id: UUID
    csrf_token: str


class LostLink(msgspec.Struct, forbid_unknown_fields=True):
    """The lost-link page's form."""

    email: Email


class Resend(msgspec.Struct, forbid_unknown_fields=True):
    email: Email
    conference_id: UUID


class Join(Command, kw_only=True):
    """Everything a newcomer types: the event's join code, who they are, their profile."""

    join_code: JoinCode
    name: Name
    email: Email
    company: Short = ""
    role: Short = ""
    offers: Long = ""
    needs: Long = ""
    consent: Consent = msgspec.field(default_factory=Consent)


class OpenRegistration(Command):
    """Without a ``join_code`` the server makes one up and answers with it."""

    join_code: JoinCode | None = None


class IssueDevice(Command):
    label: Name
