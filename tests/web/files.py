"""The files we export, read twice: line by line as RFC 5545 and RFC 6350 say, and by an
independent parser (vobject for vCards, icalendar for calendars), pinned in the test extras."""

from __future__ import annotations

import icalendar
import vobject


def content_lines(text: str) -> list[str]:
    """CRLF after every line, no line over 75 octets, continuations start with a space."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", ""), repr(text[-80:])
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode()) <= 75 for line in physical)
    return "\r\n".join(physical).replace("\r\n ", "").split("\r\n")


def vcards(text: str) -> list[dict[str, str]]:
    """Each card's properties by name, as vobject reads them; ours never repeat one."""
    lines = content_lines(text)
    cards = [{child.name: ";".join(child.value) if isinstance(child.value, list)
              else child.value for child in card.getChildren()}
             for card in vobject.readComponents(text)]
    assert len(cards) == lines.count("BEGIN:VCARD") == lines.count("END:VCARD")
    return cards


def events(text: str) -> list[icalendar.Event]:
    lines = content_lines(text)
    assert (lines[0], lines[1], lines[-1]) == ("BEGIN:VCALENDAR", "VERSION:2.0", "END:VCALENDAR")
    return icalendar.Calendar.from_ical(text).walk("VEVENT")
