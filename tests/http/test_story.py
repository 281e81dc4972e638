"""A day at the summit through the API: setup, the door, meeting, giving, promising, and
every read showing it as soon as the command's position is passed as ``after``."""

from __future__ import annotations

from datetime import date, timedelta


def test_a_day_at_the_summit(summit):
    api, event = summit.api, summit.event_id
    sam, alice, bob = (summit.people[n] for n in ("Sam", "Alice", "Bob"))
    api.do(sam, "/tickets/check-in", conference_id=event,
           ticket_code=summit.guests["Alice"]["ticket_code"], list_key="main", device="door-1")
    met = api.do(alice, "/connections/badge", connect_code=summit.guests["Bob"]["connect_code"])
    give = api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice, kind="advice",
                  note="How to price a workshop")
    api.do(alice, f"/gives/{give['give_id']}/thanks", message="It worked!")
    due = date.today() + timedelta(days=2)
    api.do(alice, "/promises", conference_id=event, promisee=bob, what="Send the deck",
           due_on=due.isoformat())

    assert met["person_id"] == bob
    kinds = [e["kind"] for e in api.read(alice, "/me/timeline")["entries"]]
    assert {"checked_in", "connected", "received", "thanked_by_me", "promised"} <= set(kinds)
    ledger = api.read(alice, f"/me/ledger/{bob}")
    assert (ledger["received"], ledger["balance"]) == ({"confirmed": 1, "unconfirmed": 0}, -1)
    assert [r["balance"] for r in api.read(bob, "/me/ledger")] == [1]
    follow_ups = api.read(alice, "/me/follow-ups", today=date.today().isoformat())
    assert [p["what"] for p in follow_ups["due_promises"]] == ["Send the deck"]
    assert api.read(sam, f"/events/{event}/check-ins")["main"] == {"checked_in": 1, "inside": 1}
    ticket = api.read(sam, f"/tickets/{summit.guests['Alice']['ticket_id']}")
    assert ticket["check_ins"]["main"]["device"] == "door-1"
    scans = api.read(summit.organizer, f"/events/{event}/scan-log")
    assert [s["device"] for s in scans] == ["door-1"]
    totals = api.read(summit.organizer, f"/events/{event}/figures")["totals"]
    assert (totals["check_in:main"], totals["connection"]) == (1, 1)


def test_reads_show_events_the_directory_and_my_own_record(summit):
    api, event, alice = summit.api, summit.event_id, summit.people["Alice"]
    summit.guest("Carol", listed=False)
    assert [e["name"] for e in api.read(alice, "/events")] == ["Reciprocity Summit"]
    shown = api.read(alice, f"/events/{event}")
    assert shown["timezone"] == "Europe/Berlin"
    assert shown["check_in_lists"]["main"] == "Main entrance"
    assert [r["name"] for r in api.read(alice, f"/events/{event}/directory")] == ["Alice", "Bob"]
    assert [r["name"] for r in api.read(alice, f"/events/{event}/directory", q="bob")] == ["Bob"]
    mine = api.read(alice, f"/events/{event}/attendees/me")
    assert mine["connect_code"] == summit.guests["Alice"]["connect_code"]


def test_attendees_change_their_own_profile_and_consent(summit):
    api, event, bob = summit.api, summit.event_id, summit.people["Bob"]
    api.do(bob, f"/events/{event}/attendees/me/profile",
           profile={"name": "Bob", "role": "Founder", "needs": "A designer"})
    api.do(bob, f"/events/{event}/attendees/me/consent", consent={"listed_in_directory": False})
    mine = api.read(bob, f"/events/{event}/attendees/me")
    assert (mine["role"], mine["listed_in_directory"]) == ("Founder", False)
    assert [r["name"] for r in api.read(bob, f"/events/{event}/directory")] == ["Alice"]


def test_organizers_reshape_their_event(summit):
    api, event, olga = summit.api, summit.event_id, summit.organizer
    api.do(olga, f"/events/{event}/details", name="Reciprocity Summit 2026",
           starts_on="2026-11-25", ends_on="2026-11-27", timezone="Europe/Vienna", venue="Hall B")
    api.do(olga, f"/events/{event}/check-in-lists", key="vip", name="VIP lounge")
    api.do(olga, f"/events/{event}/staff/remove", person_id=summit.people["Sam"])
    shown = api.read(olga, f"/events/{event}")
    assert (shown["name"], shown["timezone"], shown["staff"]) == (
        "Reciprocity Summit 2026", "Europe/Vienna", [])
    assert shown["check_in_lists"]["vip"] == "VIP lounge"
