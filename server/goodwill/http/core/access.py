"""Who may read what about an event. Checked against the read model's roster, so a read
never touches the event store."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from goodwill.domain.errors import NotAllowedError, NotFoundError
from goodwill.http.core.markers import Reads
from goodwill.projections import credentials, directory

ORGANIZERS = ("organizers",)
CREW = ("organizers", "staff")


async def event_row(reader: Reads, conference_id: UUID) -> dict[str, Any]:
    row = await directory.conference(reader, conference_id)
    if row is None:
        raise NotFoundError("No such event.")
    return row


async def require_role(reader: Reads, conference_id: UUID, actor: UUID,
                       roles: tuple[str, ...]) -> dict[str, Any]:
    """The event, provided ``actor`` is on one of its ``roles`` lists."""
    event = await event_row(reader, conference_id)
    if any(str(actor) in event[role] for role in roles):
        return event
    if "staff" in roles and await door_device(reader, conference_id, actor):
        return event
    raise NotAllowedError(f"Only this event's {' and '.join(roles)} can see that.")


async def door_device(reader: Reads, conference_id: UUID, actor: UUID) -> bool:
    """A door device is staff of the one event it was issued for."""
    row = await credentials.credential(reader, actor)
    return bool(row and row["purpose"] == credentials.DEVICE and not row["revoked"]
                and row["conference_id"] == str(conference_id))


async def require_organizer_role(reader: Reads, actor: UUID) -> None:
    """Any organizer, for what comes before there is an event: setting one up."""
    if not await directory.is_organizer(reader, actor):
        raise NotAllowedError("Only organizers can set up events.")


async def require_present(reader: Reads, conference_id: UUID, actor: UUID) -> None:
    """Attendees, staff and organizers of the event: the people its directory is for."""
    event = await event_row(reader, conference_id)
    if any(str(actor) in event[role] for role in CREW):
        return
    if await directory.attendee(reader, conference_id, actor) is None:
        raise NotAllowedError("Only people at this event can see its directory.")
