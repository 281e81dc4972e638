"""Commands that set up events and the people in them: organizers, staff, attendees, tickets."""

from __future__ import annotations

import secrets
from base64 import b32encode
from uuid import UUID, uuid4

from goodwill.application.core import CommandApplication, Outcome
from goodwill.domain.attendee import Attendee, Badge, Consent, Profile
from goodwill.domain.errors import ConflictError, DomainError
from goodwill.domain.ids import attendee_id, badge_id, email_id, ticket_id
from goodwill.domain.person import EmailIndex, Person
from goodwill.domain.personal import Personal, personal
from goodwill.domain.ticket import Ticket


def new_code(nbytes: int) -> str:
    """Upper-case base32: unguessable, and typed or scanned without case trouble."""
    return b32encode(secrets.token_bytes(nbytes)).decode().rstrip("=")


class PeopleCommands(CommandApplication):
    def register_person(self, actor: UUID, command_id: UUID, name: str, email: str) -> Outcome:
        """Find-or-create by email, so an import run twice never makes two people."""
        def decide():
            self.check_organizer(actor)
            person, index = self.person_by_email(name, email)
            return (person, *index), {"person_id": person.id, "created": bool(index)}
        return self.execute(actor, command_id, "register_person", decide)

    def person_by_email(self, name: str, email: str) -> tuple[Person, tuple[EmailIndex, ...]]:
        """The person this email finds, or a new one (``name`` is only for someone new), and
        the index a new one needs, both for the caller to save. A forgotten person is never
        found again."""
        index = self.find(EmailIndex, email_id(email))
        if index is not None:
            found = self.get(Person, index.person_id, "person")
            if not found.forgotten:
                return found, ()
        person, index = self.new_person(name, email, index)
        return person, (index,)

    def grant_organizer_role(self, actor: UUID, command_id: UUID, person_id: UUID) -> Outcome:
        def decide():
            self.check_organizer(actor)
            person = self.get(Person, person_id, "person")
            if not person.is_organizer:
                person.grant_organizer_role()
            return (person,), {"person_id": person_id}
        return self.execute(actor, command_id, "grant_organizer_role", decide)

    def add_staff(self, actor: UUID, command_id: UUID, conference_id: UUID,
                  person_id: UUID | None = None, name: str = "",
                  email: str | None = None) -> Outcome:
        """Staff for the door, named as :meth:`register_attendee` names attendees."""
        def decide():
            conference = self.organized_by(conference_id, actor)
            person, index = self.whom(person_id, email, name)
            conference.add_staff(person_id=person.id)
            person.take_part(conference_id)
            return (person, *index, conference), {"person_id": person.id}
        return self.execute(actor, command_id, "add_staff", decide, audit=conference_id)

    def register_attendee(self, actor: UUID, command_id: UUID, conference_id: UUID,
                          person_id: UUID | None, profile: Profile, consent: Consent,
                          ticket_code: str | None = None, lists: tuple[str, ...] = (),
                          email: str | None = None) -> Outcome:
        """An attendee with a badge and a ticket; the ticket code may come from an import.
        Whom: a person already at one of the organizer's events, by id, or anyone by email,
        found or registered in the same decision. The answer is the same whether or not the
        email was known, so an organizer learns nothing about people outside their events."""
        def decide():
            conference = self.organized_by(conference_id, actor)
            for key in lists:
                conference.list_name(key)
            person, index = self.whom(person_id, email, profile.name)
            if self.find(Attendee, attendee_id(conference_id, person.id)) is not None:
                raise ConflictError("This person is already registered for this event.")
            enrolled, result = self.enrol(conference_id, person, profile, consent, ticket_code,
                                          lists)
            return (*index, *enrolled), {"person_id": person.id, **result}
        return self.execute(actor, command_id, "register_attendee", decide, audit=conference_id)

    def whom(self, person_id: UUID | None, email: str | None,
             name: str) -> tuple[Person, tuple[EmailIndex, ...]]:
        """The person a command names by id or by email, exactly one of the two, and the
        index a new one needs (see :meth:`person_by_email`)."""
        if (person_id is None) == (email is None):
            raise DomainError("Say whom: a person_id or an email address, not both.")
        if person_id is not None:
            return self.get(Person, person_id, "person"), ()
        if not name.strip():
            raise DomainError("Say the name of the person with this email address.")
        return self.person_by_email(name, email)

    def new_person(self, name: str, email: str,
                   forgotten: EmailIndex | None = None) -> tuple[Person, EmailIndex]:
        """A person and the index that finds them by email (a forgotten person's index passes
        to them); the caller saves both. Their own key seals their name and email."""
        person = unindexed_person(name, email)
        pid = person.id
        if forgotten is None:
            return person, EmailIndex(person_id=pid, id=email_id(email))
        forgotten.reassign(pid)
        return person, forgotten

    def enrol(self, conference_id: UUID, person: Person, profile: Profile, consent: Consent,
              ticket_code: str | None = None, lists: tuple[str, ...] = ()):
        """An attendee with a badge and a ticket: the decision's aggregates (the person's
        among them) and its answer. Only a code brought from elsewhere is looked up: 120
        random bits never collide."""
        person_id = person.id
        person.take_part(conference_id)
        aid = attendee_id(conference_id, person_id)
        code, connect = ticket_code or new_code(15), new_code(6)
        if ticket_code and self.find(Ticket, ticket_id(code)) is not None:
            raise ConflictError("That ticket code is already in use.")
        attendee = Attendee(conference_id=conference_id, person_id=person_id, id=aid,
                            connect_code=connect, profile=sealed(person_id, profile),
                            consent=vars_of(consent))
        badge = Badge(attendee_id=aid, conference_id=conference_id, person_id=person_id,
                      id=badge_id(connect))
        ticket = Ticket(conference_id=conference_id, attendee_id=aid, lists=list(lists),
                        code=Personal(person_id, code), id=ticket_id(code))
        return (person, attendee, badge, ticket), {"attendee_id": aid, "ticket_id": ticket.id,
                                           "ticket_code": code, "connect_code": connect}

    def attendee_command(self, actor: UUID, command_id: UUID, conference_id: UUID,
                         command: str, change) -> Outcome:
        """Load the actor's own attendee record for this event and apply ``change`` to it."""
        def decide():
            attendee = self.get(Attendee, attendee_id(conference_id, actor), "attendee")
            change(attendee)
            return (attendee,), {"attendee_id": attendee.id}
        return self.execute(actor, command_id, command, decide)

    def update_profile(self, actor: UUID, command_id: UUID, conference_id: UUID,
                       profile: Profile) -> Outcome:
        return self.attendee_command(actor, command_id, conference_id, "update_profile",
                                     lambda a: a.update_profile(profile=sealed(actor, profile)))

    def change_consent(self, actor: UUID, command_id: UUID, conference_id: UUID,
                       consent: Consent) -> Outcome:
        return self.attendee_command(actor, command_id, conference_id, "change_consent",
                                     lambda a: a.change_consent(consent=vars_of(consent)))


def unindexed_person(name: str, email: str) -> Person:
    """A person no email finds: the caller indexes them, unless they have no email here."""
    pid = uuid4()
    return Person(name=Personal(pid, name), email=Personal(pid, email), id=pid)


def vars_of(value: Consent) -> dict:
    return dict(vars(value))


def sealed(owner: UUID, profile: Profile) -> dict[str, Personal]:
    return personal(owner, **vars(profile))
