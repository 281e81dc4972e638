"""Self-registration: an organizer opens the event with a join code; a newcomer with the
code becomes an attendee with a ticket and a badge, signed in, in one command."""

from __future__ import annotations

import uuid

NEWCOMER = {"name": "Nina", "email": "nina@example.org", "company": "Nina Ltd",
            "offers": "Pricing advice", "consent": {"listed_in_directory": True}}


def open_registration(summit, **body) -> str:
    return summit.api.do(summit.organizer, f"/events/{summit.event_id}/registration",
                         **body)["join_code"]


def join(api, join_code: str, command_id: str | None = None, **who):
    body = {**NEWCOMER, **who, "join_code": join_code,
            "command_id": command_id or str(uuid.uuid4())}
    return api.client.post("/join", json=body)


def test_a_newcomer_with_the_join_code_is_registered_and_signed_in(summit):
    api, code = summit.api, open_registration(summit)
    command_id = str(uuid.uuid4())
    joined = join(api, code.lower(), command_id)
    assert joined.status_code == 201, joined.text
    result = joined.json()["result"]
    assert result["conference_id"] == summit.event_id and result["ticket_code"]
    mine = api.client.get(f"/api/v1/events/{summit.event_id}/attendees/me",
                          params={"after": joined.json()["position"]})
    assert (mine.status_code, mine.json()["company"]) == (200, "Nina Ltd")
    api.client.cookies.clear()
    again = join(api, code, command_id)
    assert again.json()["result"] == result and again.json()["replayed"] is True
    assert "goodwill_session" in again.cookies


def test_the_store_keeps_no_join_code(summit):
    code = open_registration(summit, join_code="SUMMIT-2026")
    assert code == "SUMMIT-2026"
    recorder = summit.api.system.app.recorder
    stored = b"".join(n.state for n in recorder.select_notifications(start=1, limit=10_000))
    assert b"SUMMIT-2026" not in stored.upper()


def test_a_wrong_code_a_closed_event_and_a_known_email_are_refused(summit):
    api, code = summit.api, open_registration(summit)
    assert join(api, "WRONG-CODE").status_code == 403
    assert join(api, code, email="alice@example.org").status_code == 409
    api.do(summit.organizer, f"/events/{summit.event_id}/registration/close")
    closed = join(api, code)
    assert closed.status_code == 403 and "closed" in closed.json()["detail"]
    assert "set-cookie" not in closed.headers


def test_only_organizers_open_registration(summit):
    refused = summit.api.post(summit.people["Alice"], f"/events/{summit.event_id}/registration")
    assert refused.status_code == 403


def test_guessing_join_codes_is_limited(summit):
    answers = [join(summit.api, f"GUESS{n:04d}").status_code for n in range(11)]
    assert answers == [403] * 10 + [429]
