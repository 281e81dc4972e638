"""vCard 4.0 (RFC 6350) and iCalendar (RFC 5545) text, which phones import as a contact or
a calendar entry. Both formats share their line rules: CRLF endings, lines folded at 75
octets, and commas, semicolons, backslashes and newlines escaped in text values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any


def escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Continuation lines start with a space; a split never cuts a UTF-8 character."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode()) > (75 if not parts else 74):
            parts, current = [*parts, current], ""
        current += char
    return "\r\n ".join([*parts, current])


def document(lines: list[str]) -> str:
    return "".join(fold(line) + "\r\n" for line in lines)


def vcard(name: str, profile: dict[str, Any] | None, email: str | None) -> str:
    """``profile`` and ``email`` are None unless their owner consented to share them."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{escape(name)}"]
    if profile is not None:
        about = "\n".join(f"{label}: {profile[field]}" for field, label in
                          (("offers", "Offers"), ("needs", "Needs")) if profile[field])
        lines += [f"{prop}:{escape(value)}" for prop, value in
                  (("ORG", profile["company"]), ("TITLE", profile["role"]), ("NOTE", about))
                  if value]
    if email is not None:
        lines.append(f"EMAIL:{escape(email)}")
    return document([*lines, "END:VCARD"])


def contact(row: dict[str, Any]) -> str:
    """A connection as they consented to be saved: their profile if they list themselves in
    the directory, their email if they share contact details with connections."""
    return vcard(row["name"], row if row["listed_in_directory"] else None,
                 row["email"] if row["contact_shared_with_connections"] else None)


def calendar(events: list[list[str]]) -> str:
    return document(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Goodwill//Promises//EN",
                     *(line for event in events for line in event), "END:VCALENDAR"])


def promise_event(promise: dict[str, Any], host: str) -> list[str]:
    """An all-day entry on the due date; the UID stays the same across downloads, so a
    rescheduled promise imported again moves the entry instead of adding a second."""
    due = date.fromisoformat(promise["due_on"])
    to = f" to {promise['promisee_name']}" if promise["promisee_name"] else ""
    return [
        "BEGIN:VEVENT", f"UID:{promise['promise_id']}@{host}",
        f"DTSTAMP:{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{due + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(f'Promised{to}: ' + promise['what'])}", "END:VEVENT"]
