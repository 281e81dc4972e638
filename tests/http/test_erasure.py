"""Forget me through the API: by the attendee, or by an organizer on their request."""


def test_an_attendee_forgets_themself(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    event = summit.event_id
    api.do(alice, "/gives", conference_id=event, giver=alice, receiver=bob, kind="advice",
           note="Ask the venue for the quiet room")
    assert [p["name"] for p in api.read(bob, f"/events/{event}/directory")] == ["Alice", "Bob"]

    api.do(alice, "/me/forget")

    assert [p["name"] for p in api.read(bob, f"/events/{event}/directory")] == ["Bob"]
    ledger = api.read(bob, f"/me/ledger/{alice}")
    assert ledger["received"] == {"confirmed": 0, "unconfirmed": 1}
    assert "quiet room" not in str(ledger) and "Alice" not in str(api.read(bob, "/me/timeline"))


def test_a_forgotten_persons_link_and_sessions_stop_working(summit):
    """The link they were given would otherwise open a nameless account."""
    api, alice = summit.api, summit.people["Alice"]
    token = api.link_token(alice)
    api.do(alice, "/me/forget")
    assert api.get(alice, "/me/ledger").status_code == 401
    refused = api.client.post("/s", data={"token": token}, follow_redirects=False)
    assert refused.status_code != 303


def test_only_the_events_organizers_forget_someone_else(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    forget_bob = f"/events/{summit.event_id}/attendees/{bob}/forget"
    assert api.post(alice, forget_bob).status_code == 403
    assert api.post(summit.people["Sam"], forget_bob).status_code == 403
    api.do(summit.organizer, forget_bob)
    assert [p["name"] for p in api.read(alice, f"/events/{summit.event_id}/directory")] == ["Alice"]
