"""The remaining commands, each through its route, with the read that shows its effect."""

from __future__ import annotations

import uuid


def entries(api, who, kind):
    return [e for e in api.read(who, "/me/timeline")["entries"] if e["kind"] == kind]


def test_an_introduction_connects_the_two_when_both_accept(summit):
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    intro = api.introduce(alice, event, person_a=bob, person_b=carol,
                          why="Both build for events")
    assert api.do(bob, f"/introductions/{intro['introduction_id']}/answer",
                  accept=True)["connected"] is False
    assert api.do(carol, f"/introductions/{intro['introduction_id']}/answer",
                  accept=True)["connected"] is True
    assert [e["other_person_id"] for e in entries(api, bob, "connected")
            if e["detail"]["method"] == "introduction"] == [carol]


def test_gives_can_be_disputed_retracted_and_a_referral_closed(summit):
    api, event = summit.api, summit.event_id
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    give = dict(conference_id=event, giver=bob, receiver=alice)
    advice = api.do(bob, "/gives", kind="advice", **give)["give_id"]
    api.do(alice, f"/gives/{advice}/dispute", reason="Never happened")
    api.do(bob, f"/gives/{advice}/retract", reason="Wrong person")
    referral = api.do(bob, "/gives", kind="referral", note="Dana needs UX", **give)["give_id"]
    api.do(alice, f"/gives/{referral}/outcome", outcome="won", value="1500.00", currency="EUR")
    outcome, = entries(api, alice, "referral_outcome")
    assert outcome["detail"]["outcome"] == "won"
    assert api.post(alice, f"/gives/{referral}/outcome", outcome="lost").status_code == 409


def test_listening_notes_are_revised_removed_and_private(summit):
    api, event = summit.api, summit.event_id
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    note = api.do(alice, "/notes", conference_id=event, about=bob, kind="need",
                  text="Looking for a designer")["note_id"]
    api.do(alice, f"/notes/{note}/revise", kind="goal", text="Hire a designer by March")
    noted = entries(api, alice, "noted")
    assert [e["detail"]["text"] for e in noted] == ["Hire a designer by March"]
    assert "designer" not in str(api.read(bob, "/me/timeline"))
    assert api.post(bob, f"/notes/{note}/revise", kind="need", text="x").status_code == 403
    api.do(alice, f"/notes/{note}/remove")
    assert entries(api, alice, "noted") == []


def test_promises_are_rescheduled_kept_and_dropped(summit):
    api, event = summit.api, summit.event_id
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    promise = dict(conference_id=event, promisee=bob, due_on="2026-12-01")
    deck = api.do(alice, "/promises", what="Send the deck", **promise)["promise_id"]
    call = api.do(alice, "/promises", what="Call", **promise)["promise_id"]
    api.do(alice, f"/promises/{deck}/reschedule", due_on="2026-12-05")
    api.do(alice, f"/promises/{deck}/keep")
    api.do(alice, f"/promises/{call}/drop", reason="They found someone")
    kinds = {e["kind"] for e in api.read(bob, "/me/timeline")["entries"]}
    assert {"promise_rescheduled", "promise_kept", "promise_dropped"} <= kinds


def test_the_door_checks_out_and_organizers_revoke(summit):
    api, sam = summit.api, summit.people["Sam"]
    ticket = summit.guests["Bob"]
    scan = dict(conference_id=summit.event_id, ticket_code=ticket["ticket_code"],
                list_key="workshop", device="door-3")
    api.do(sam, "/tickets/check-in", **scan)
    api.do(sam, "/tickets/check-out", **scan)
    revoke = dict(conference_id=summit.event_id, ticket_code=ticket["ticket_code"])
    assert api.post(sam, "/tickets/revoke", **revoke).status_code == 403
    api.do(summit.organizer, "/tickets/revoke", reason="Refund", **revoke)
    state = api.read(sam, f"/tickets/{ticket['ticket_id']}")
    assert (state["revoked"], state["check_ins"]["workshop"]["inside"]) == (True, False)


def test_organizers_make_organizers_and_others_may_not(summit):
    api, alice, olga = summit.api, summit.people["Alice"], summit.organizer
    assert api.post(alice, "/people/organizers", person_id=alice).status_code == 403
    api.do(olga, "/people/organizers", person_id=alice)
    created = api.do(alice, "/events", name="Alice's meetup", starts_on="2026-12-01",
                     ends_on="2026-12-01", timezone="America/New_York")
    assert uuid.UUID(created["conference_id"])
