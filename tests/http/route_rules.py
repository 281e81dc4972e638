"""Who may call each route, and a body that would pass validation, so that what answers a
stranger is the authorization rule and not a malformed request.

Rules: ``public`` (anyone), ``signed_in`` (anyone signed in; acts on their own data only),
``organizer_role`` (any organizer), ``organizers`` (of this event), ``crew`` (its organizers
and staff), ``present`` (its attendees, staff and organizers), ``attendee`` (an attendee of
this event, acting as themself), ``party`` (one of the people a give, note, promise or
introduction is between).
"""

from __future__ import annotations

from typing import Any

E = "/api/v1/events/{conference_id:uuid}"
PUBLIC = {"GET /", "GET /s", "POST /s", "POST /auth/organizer", "POST /auth/resend", "POST /join",
          "POST /auth/sign-out", "GET /healthz", "GET /readyz", "GET /metrics", "GET /static/{file_path:path}",
          "HEAD /static/{file_path:path}", "GET /manifest.webmanifest", "GET /sw.js",
          "GET /forgotten", "GET /j/{code:str}", "POST /j/{code:str}"}


def rules(v: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any] | None]]:
    """``v`` holds the victim event's ids: its event, people and records."""
    at = {"conference_id": v["event"]}
    return {
        "GET /api/v1/events": ("signed_in", None),
        "POST /api/v1/events": ("organizer_role", dict(name="Rival", starts_on="2026-12-01",
                                                       ends_on="2026-12-01", timezone="UTC")),
        "GET " + E: ("signed_in", None),
        "POST " + E + "/details": ("organizers", dict(name="X", starts_on="2026-11-25",
                                                      ends_on="2026-11-26", timezone="UTC")),
        "POST " + E + "/check-in-lists": ("organizers", dict(key="vip", name="VIP")),
        "POST " + E + "/staff": ("organizers", dict(person_id=v["bob"])),
        "POST " + E + "/staff/remove": ("organizers", dict(person_id=v["sam"])),
        "POST /api/v1/people": ("organizer_role", dict(name="Eve", email="eve@example.org")),
        "POST /api/v1/people/organizers": ("organizer_role", dict(person_id=v["bob"])),
        "GET " + E + "/attendees": ("crew", None),
        "POST " + E + "/attendees": ("organizers", dict(person_id=v["sam"],
                                                        profile={"name": "Sam"})),
        "GET " + E + "/attendees/me": ("attendee", None),
        "POST " + E + "/attendees/me/profile": ("attendee", dict(profile={"name": "Me"})),
        "POST " + E + "/attendees/me/consent": ("attendee", dict(consent={})),
        "GET " + E + "/attendees/me/consent-history": ("attendee", None),
        "POST " + E + "/attendees/{person_id:uuid}/sign-in-link": ("organizers", {}),
        "POST " + E + "/attendees/{person_id:uuid}/sign-in-link/revoke": ("organizers", {}),
        "POST " + E + "/attendees/{person_id:uuid}/forget": ("organizers", {}),
        "GET " + E + "/devices": ("organizers", None),
        "POST " + E + "/devices": ("organizers", dict(label="Door 9")),
        "POST " + E + "/devices/{device_id:uuid}/revoke": ("organizers", {}),
        "POST " + E + "/registration": ("organizers", dict(join_code="SUMMIT-2026")),
        "POST " + E + "/registration/close": ("organizers", {}),
        "GET " + E + "/audit": ("organizers", None),
        "GET " + E + "/scan-log": ("organizers", None),
        "GET " + E + "/figures": ("organizers", None),
        "GET " + E + "/check-ins": ("crew", None),
        "GET " + E + "/exports/{name:str}": ("organizers", None),
        "GET " + E + "/directory": ("present", None),
        "POST /api/v1/tickets/check-in": ("crew", dict(at, ticket_code=v["code"],
                                                       list_key="main", device="d")),
        "POST /api/v1/tickets/check-out": ("crew", dict(at, ticket_code=v["code"],
                                                        list_key="main", device="d")),
        "POST /api/v1/tickets/revoke": ("organizers", dict(at, ticket_code=v["code"])),
        "GET /api/v1/tickets/{ticket_id:uuid}": ("crew", None),
        "POST /api/v1/tickets/undo-check-in": ("crew", None),  # tests/http/test_desk_api.py
        "POST " + E + "/desk/scans": ("crew", None),  # its body carries no command_id
        "GET " + E + "/desk/tickets": ("crew", None),
        "GET " + E + "/check-in-conflicts": ("organizers", None),
        "GET /events/{conference_id:uuid}/desk": ("crew", None),
        "POST /events/{conference_id:uuid}/desk": ("crew", None),
        "POST /events/{conference_id:uuid}/desk/undo": ("crew", None),
        "POST /api/v1/connections": ("attendee", dict(at, person_id=v["bob"])),
        "POST /api/v1/connections/badge": ("signed_in", None),
        "POST /api/v1/gives": ("attendee", dict(at, giver=v["bob"], receiver=v["alice"],
                                                kind="advice")),
        "POST /api/v1/gives/{give_id:uuid}/thanks": ("party", {}),
        "POST /api/v1/gives/{give_id:uuid}/dispute": ("party", dict(reason="No")),
        "POST /api/v1/gives/{give_id:uuid}/retract": ("party", dict(reason="No")),
        "POST /api/v1/gives/{give_id:uuid}/outcome": ("party", dict(outcome="contacted")),
        "POST /api/v1/introductions": ("attendee", dict(at, person_a=v["alice"],
                                                        person_b=v["bob"], why="x")),
        "POST /api/v1/introductions/{introduction_id:uuid}/answer": ("party", dict(accept=True)),
        "POST /api/v1/notes": ("attendee", dict(at, about=v["bob"], kind="need", text="x")),
        "POST /api/v1/notes/{note_id:uuid}/revise": ("party", dict(kind="goal", text="mine now")),
        "POST /api/v1/notes/{note_id:uuid}/remove": ("party", {}),
        "POST /api/v1/promises": ("attendee", dict(at, promisee=v["bob"], what="x",
                                                   due_on="2026-12-01")),
        "POST /api/v1/promises/{promise_id:uuid}/keep": ("party", {}),
        "POST /api/v1/promises/{promise_id:uuid}/drop": ("party", {}),
        "POST /api/v1/promises/{promise_id:uuid}/reschedule": ("party", dict(due_on="2026-12-24")),
        "GET /api/v1/me/timeline": ("signed_in", None),
        "GET /api/v1/me/ledger": ("signed_in", None),
        "GET /api/v1/me/ledger/{other_id:uuid}": ("signed_in", None),
        "GET /api/v1/me/follow-ups": ("signed_in", None),
        "GET /api/v1/me/contacts/{person_id:uuid}": ("party", None),
        "POST /api/v1/me/forget": ("signed_in", None),
        "GET /auth/session": ("signed_in", None),
        "GET /events/{conference_id:uuid}/badge": ("attendee", None),
        "GET /c/{code:str}": ("signed_in", None),
        "GET /scan": ("signed_in", None),
        "POST /c/{code:str}": ("signed_in", None),
        "GET /contacts/{person_id:uuid}/card.vcf": ("party", None),
        "GET /promises/{promise_id:uuid}/reminder.ics": ("party", None),
        "GET /me/data/timeline.csv": ("signed_in", None),
        "GET /me/data/timeline.json": ("signed_in", None),
        "GET /me/data/connections.vcf": ("signed_in", None),
        "GET /me/data/promises.ics": ("signed_in", None),
        "GET /me/data": ("signed_in", None),
        "POST /me/forget": ("signed_in", None),
        "GET /events/{conference_id:uuid}/profile": ("attendee", None),
        "POST /events/{conference_id:uuid}/profile": ("attendee", {}),
        "GET /follow-ups": ("signed_in", None),
        "POST /follow-ups/thanks/{give_id:uuid}": ("party", None),
        "POST /follow-ups/introductions/{introduction_id:uuid}": ("party", None),
        "GET /timeline": ("signed_in", None),
        "GET /events/{conference_id:uuid}/directory": ("present", None),
        "GET /events/{conference_id:uuid}/exports": ("organizers", None),
        "GET /events/{conference_id:uuid}/dashboard": ("organizers", None),
        "GET /contacts/{person_id:uuid}": ("party", None),
        "POST /contacts/{person_id:uuid}": ("party", {}),
        "GET /events/{conference_id:uuid}/import": ("organizers", None),
        "POST /events/{conference_id:uuid}/import": ("organizers", {}),
        "GET /events/{conference_id:uuid}/import/{import_id:uuid}": ("organizers", None),
        "POST /events/{conference_id:uuid}/import/{import_id:uuid}": ("organizers", {}),
        "POST /events/{conference_id:uuid}/import/{import_id:uuid}/reading": ("organizers", {}),
        "POST /events/{conference_id:uuid}/import/{import_id:uuid}/columns": ("organizers", {}),
        "POST " + E + "/imports": ("organizers", dict(csv="Name,Email\nEve,eve@example.org\n")),
        "GET /gives/{give_id:uuid}": ("party", None),
        "POST /gives/{give_id:uuid}": ("party", {}),
        "POST /contacts/{person_id:uuid}/introductions/{introduction_id:uuid}": ("party", {}),
        "GET /introduce": ("signed_in", None),
        "POST /introduce": ("signed_in", {}),
        "GET /console": ("organizer_role", None),
        "POST /console": ("organizer_role", None),
        "GET /events/{conference_id:uuid}/console": ("organizers", None),
        "POST /events/{conference_id:uuid}/console": ("organizers", {}),
        "GET /events/{conference_id:uuid}/tickets": ("organizers", None),
        "GET /events/{conference_id:uuid}/tickets/{person_id:uuid}": ("organizers", None),
        "POST /events/{conference_id:uuid}/tickets/{person_id:uuid}": ("organizers", {}),
        "GET /events/{conference_id:uuid}/badges": ("organizers", None),
    }


ALLOWED = {"organizer_role": {"other_organizer"}, "crew": {"staff"}, "present": {"staff"}}
"""Which of the intruders a rule lets through; every other intruder must be refused."""
