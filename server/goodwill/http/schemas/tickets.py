"""Scanning tickets at an entrance. The ticket code is secret, so it travels in the body,
never in a URL that ends up in logs."""

from __future__ import annotations

from uuid import UUID

from goodwill.http.schemas.common import AtEvent, Code, Device, ListKey, Moment, Reason


class Scan(AtEvent):
    ticket_code: Code
    list_key: ListKey
    device: Device
    scanned_at: Moment | None = None


class Admission(Scan, kw_only=True):
    """``offline``: the device already let the ticket through without the network and
    reports it now, with its ``scanned_at`` (required then). Where an online scan would be
    refused because the ticket is inside already or was revoked since, an offline one is
    answered with ``outcome: conflict`` and recorded for the organizers."""

    offline: bool = False


class UndoCheckIn(AtEvent):
    """Takes back a check-in you made, named by the command id you sent it with."""

    check_in_command_id: UUID
    device: Device
    scanned_at: Moment | None = None


class RevokeTicket(AtEvent):
    ticket_code: Code
    reason: Reason = ""
