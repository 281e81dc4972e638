"""Connections stored before requests existed, made on one side's word alone (``manual``):
the log keeps them, but they are shown as unconfirmed, carry no contact details and count
nowhere until the other side confirms, or a proof follows."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from goodwill.domain.connection import Connection
from goodwill.domain.ids import pair_id


def said_by(summit, maker: str, other: str) -> str:
    """What an older version recorded when ``maker`` said they met ``other``."""
    a, b = (uuid.UUID(summit.people[n]) for n in (maker, other))
    app = summit.api.system.app
    app.save(Connection(person_a=a, person_b=b, conference_id=uuid.UUID(summit.event_id),
                        made_by=a, method="manual", happened_at=datetime.now(timezone.utc),
                        id=pair_id(a, b)))
    summit.api.position = app.recorder.max_notification_id()
    return str(pair_id(a, b))


def sharing(summit, *names: str) -> None:
    for name in names:
        summit.api.do(summit.people[name], f"/events/{summit.event_id}/attendees/me/consent",
                      consent={"listed_in_directory": True, "shared_with_organizer": True,
                               "contact_shared_with_connections": True})


def kinds(summit, who: str) -> list[str]:
    return [e["kind"] for e in summit.api.read(summit.people[who], "/me/timeline")["entries"]
            if e["kind"] not in ("checked_in", "checked_out")]


def contact(summit, who: str, other: str):
    return summit.api.get(summit.people[who], f"/me/contacts/{summit.people[other]}")


def test_an_older_one_sided_connection_is_unconfirmed_until_the_other_accepts(summit):
    sharing(summit, "Alice", "Bob")
    request = said_by(summit, "Alice", "Bob")
    api, organizer, event = summit.api, summit.organizer, summit.event_id
    for who, other in (("Alice", "Bob"), ("Bob", "Alice")):
        assert kinds(summit, who) == ["unconfirmed_connection"]
        assert contact(summit, who, other).status_code == 404, "no contact details yet"
        assert api.read(summit.people[who], "/me/follow-ups")["met_without_follow_up"] == []
    edges = api.client.get(f"/api/v1/events/{event}/exports/connections.csv",
                           headers=api.headers(organizer), params={"after": api.position})
    assert edges.status_code == 200 and summit.people["Alice"] not in edges.text
    waiting, = api.read(summit.people["Bob"], "/connection-requests/waiting")
    assert (waiting["request_id"], waiting["name"]) == (request, "Alice")
    assert api.read(summit.people["Alice"], "/connection-requests/waiting") == []

    answered = api.do(summit.people["Bob"], f"/connection-requests/{request}/answer",
                      accept=True)
    assert answered == {"request_id": request, "connected": True}
    assert kinds(summit, "Alice") == ["connected", "unconfirmed_connection"]
    assert contact(summit, "Alice", "Bob").json()["email"] == "bob@example.org"
    assert api.read(summit.people["Bob"], "/connection-requests/waiting") == []
    edges = api.client.get(f"/api/v1/events/{event}/exports/connections.csv",
                           headers=api.headers(organizer), params={"after": api.position})
    assert edges.text.count(summit.people["Alice"]) == 1
    again = api.post(summit.people["Bob"], f"/connection-requests/{request}/answer",
                     accept=True)
    assert again.status_code == 409


def test_only_the_other_side_answers_and_a_decline_leaves_it_unconfirmed(summit):
    request = said_by(summit, "Alice", "Bob")
    api = summit.api
    mine = api.post(summit.people["Alice"], f"/connection-requests/{request}/answer",
                    accept=True)
    assert mine.status_code == 403
    api.do(summit.people["Bob"], f"/connection-requests/{request}/answer", accept=False,
           block=True)
    assert contact(summit, "Alice", "Bob").status_code == 404
    asked = api.do(summit.people["Alice"], "/connection-requests",
                   conference_id=summit.event_id, person_id=summit.people["Bob"])
    assert asked["status"] == "pending", "blocked, and not told so"
    assert api.read(summit.people["Bob"], "/connection-requests/waiting") == []


def test_the_other_sides_own_ask_or_a_badge_scan_confirms_it(summit):
    summit.guest("Carol")
    said_by(summit, "Alice", "Bob")
    said_by(summit, "Alice", "Carol")
    api = summit.api
    asked = api.do(summit.people["Bob"], "/connection-requests",
                   conference_id=summit.event_id, person_id=summit.people["Alice"])
    assert asked["status"] == "connected"
    api.meet(summit.people["Alice"], summit.people["Carol"], summit.event_id)
    for other in ("Bob", "Carol"):
        assert contact(summit, "Alice", other).status_code == 200
    assert kinds(summit, "Alice").count("connected") == 2
