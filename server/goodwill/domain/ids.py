"""Ids derived from what identifies a thing, so a second request finds the first aggregate."""

from hashlib import sha1
from uuid import UUID

NAMESPACE = UUID("6f1c3a52-4d0e-4bb4-9a5f-0c2d7e9b1a10")


def derived(kind: str, *parts: object) -> UUID:
    """``uuid5`` of the parts, but a lone surrogate in a typed code finds nothing instead of
    failing to encode: the same ids as ``uuid5`` for every text that is valid Unicode."""
    name = "/".join([kind, *map(str, parts)]).encode("utf-8", "surrogatepass")
    return UUID(bytes=sha1(NAMESPACE.bytes + name).digest()[:16], version=5)


def pair_id(person_a: UUID, person_b: UUID) -> UUID:
    """One relationship per pair of people, whoever scanned whom."""
    low, high = sorted((person_a, person_b))
    return derived("pair", low, high)


def attendee_id(conference_id: UUID, person_id: UUID) -> UUID:
    return derived("attendee", conference_id, person_id)


def ticket_id(ticket_code: str) -> UUID:
    return derived("ticket", ticket_code)


def badge_id(connect_code: str) -> UUID:
    return derived("badge", connect_code.upper())


def email_id(email: str) -> UUID:
    return derived("email", email.strip().lower())


def receipt_id(actor: UUID, command_id: UUID) -> UUID:
    return derived("receipt", actor, command_id)
