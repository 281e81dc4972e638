"""Scanning tickets at an entrance. The ticket code is secret, so it travels in the body,
never in a URL that ends up in logs."""

from __future__ import annotations

from goodwill.http.schemas.common import AtEvent, Code, Device, ListKey, Moment, Reason


class Scan(AtEvent):
    ticket_code: Code
    list_key: ListKey
    device: Device
    scanned_at: Moment | None = None


class RevokeTicket(AtEvent):
    ticket_code: Code
    reason: Reason = ""
