"""A realistic demo event, seeded through the real commands so every read model has something
to show and a newcomer has people to try the API as.

Everything follows from the seed: the same seed on the same store sends the same command ids,
which the application answers from its receipts, so a second run records nothing new.
"""

from __future__ import annotations

from base64 import b32encode
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from goodwill.application import Goodwill
from goodwill.application.core import SYSTEM_ACTOR as ROOT
from goodwill.demo.door import check_in_morning
from goodwill.demo.followups import follow_up
from goodwill.demo.giving import give_and_answer
from goodwill.demo.networking import network
from goodwill.demo.people import Invitee, crowd
from goodwill.demo.state import LISTS, TIMEZONE, Demo, Guest


def seed_demo(app: Goodwill, seed: int = 1, attendees: int = 300, today: date | None = None,
              say: Callable[[str], None] = print) -> Demo:
    """Seed "Reciprocity Summit 2026": yesterday's check-ins, meetings, gives and follow-ups."""
    demo = Demo(app, seed, attendees, today or datetime.now(ZoneInfo(TIMEZONE)).date(), say)
    for phase in (set_up_event, register_crowd, check_in_morning, network, give_and_answer,
                  follow_up):
        say(f"{phase.__name__.replace('_', ' ')}…")
        phase(demo)
    return demo


def set_up_event(demo: Demo) -> None:
    demo.organizer = demo.send("register_person", ROOT, "Olivia Organizer",
                               "olivia@reciprocity-summit.example")["person_id"]
    demo.send("grant_organizer_role", ROOT, demo.organizer)
    demo.conference_id = demo.send(
        "create_conference", demo.organizer, "Reciprocity Summit 2026", demo.starts_on,
        demo.today, TIMEZONE, "Spreewerk Congress Hall, Berlin", LISTS)["conference_id"]
    demo.staff = demo.send("register_person", ROOT, "Sami Steward",
                           "sami@reciprocity-summit.example")["person_id"]
    demo.send("add_staff", demo.organizer, demo.conference_id, demo.staff)


def register_crowd(demo: Demo) -> None:
    demo.each("attendees", enumerate(crowd(demo.rng, demo.size)),
              lambda item: demo.guests.append(register(demo, *item)))
    demo.tally["attendees"] = len(demo.guests)


def register(demo: Demo, number: int, invitee: Invitee) -> Guest:
    """Ticket codes come from the seed too, as an organizer's import would bring its own."""
    person_id = demo.send("register_person", ROOT, invitee.name, invitee.email)["person_id"]
    ticket_code = b32encode(demo.key("ticket", number).bytes[:10]).decode()
    lists = ("main", "workshop") if invitee.workshop else ("main",)
    result = demo.send("register_attendee", demo.organizer, demo.conference_id, person_id,
                       invitee.profile, invitee.consent, ticket_code=ticket_code, lists=lists)
    return Guest(person_id, ticket_code, result["connect_code"], invitee)


def summary(demo: Demo) -> str:
    """What a newcomer needs to start: the event, what is in it, and people to act as."""
    lines = [f"event      {demo.conference_id}  Reciprocity Summit 2026"
             f" ({demo.starts_on} – {demo.today}, {TIMEZONE})",
             f"organizer  {demo.organizer}  Olivia Organizer",
             f"staff      {demo.staff}  Sami Steward", ""]
    lines += [f"{name:<28}{count:>6}" for name, count in sorted(demo.tally.items())]
    lines += ["", "some attendees (person id, name, connect code, ticket code):"]
    lines += [f"  {g.person_id}  {g.invitee.name:<20} {g.connect_code}  {g.ticket_code}"
              for g in demo.guests[:5]]
    return "\n".join(lines)
