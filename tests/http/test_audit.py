"""The audit log: what the crew did at an event, accepted or refused, and by whom; for that
event's organizers alone."""

from __future__ import annotations


def scan(summit, who, guest):
    return summit.api.post(who, "/tickets/check-in", conference_id=summit.event_id,
                           ticket_code=summit.guests[guest]["ticket_code"], list_key="main",
                           device="door-1")


def test_check_ins_refusals_staff_and_revocations_are_logged_with_their_actor(summit):
    api, event, sam, olga = summit.api, summit.event_id, summit.people["Sam"], summit.organizer
    api.do(sam, "/tickets/check-in", conference_id=event, list_key="main", device="door-1",
           ticket_code=summit.guests["Alice"]["ticket_code"])
    assert scan(summit, sam, "Alice").status_code == 409
    api.do(olga, "/tickets/revoke", conference_id=event, reason="Duplicate",
           ticket_code=summit.guests["Bob"]["ticket_code"])

    log = api.read(olga, f"/events/{event}/audit")

    assert [(e["command"], e["actor_name"], e["outcome"]) for e in log] == [
        ("revoke_ticket", "Olga Organizer", "accepted"),
        ("check_in", "Sam", "refused"),
        ("check_in", "Sam", "accepted"),
        ("register_attendee", "Olga Organizer", "accepted"),
        ("register_attendee", "Olga Organizer", "accepted"),
        ("add_staff", "Olga Organizer", "accepted")]
    assert log[1]["refusal"].startswith("Already checked in")
    assert log[0]["result_ids"] == {"ticket_id": summit.guests["Bob"]["ticket_id"]}
    assert log[3]["result_ids"].keys() == {"attendee_id", "person_id", "ticket_id"}  # no code


def test_attendees_own_actions_are_not_audited(summit):
    api, event, alice = summit.api, summit.event_id, summit.people["Alice"]
    api.do(alice, f"/events/{event}/attendees/me/consent", consent={"listed_in_directory": True})
    commands = [e["command"] for e in api.read(summit.organizer, f"/events/{event}/audit")]
    assert "change_consent" not in commands and len(commands) == 3


def test_the_log_pages_newest_first(summit):
    api, event, olga = summit.api, summit.event_id, summit.organizer
    first = api.read(olga, f"/events/{event}/audit", limit=2)
    rest = api.read(olga, f"/events/{event}/audit", limit=2, offset=2)
    assert [e["command"] for e in first + rest] == ["register_attendee"] * 2 + ["add_staff"]


def test_only_this_event_s_organizers_may_read_it(summit):
    api, event = summit.api, summit.event_id
    rival, _ = summit.rival("Rita")
    for who in (summit.people["Sam"], summit.people["Alice"], rival):
        assert api.get(who, f"/events/{event}/audit").status_code == 403
