"""Suggestions over HTTP: every kind with its reason and its one tap, a dismissal that stays,
and a suggestion built from my private note shown to me alone, on pages, API and exports."""

from __future__ import annotations

import json

NOTE = "Bob needs a UX designer to review his onboarding"


def story(summit) -> dict[str, str]:
    """Alice met Bob and Carol, noted what Bob needs, and Bob gave her advice; Carol offers
    UX reviews, as every guest here does."""
    api, event = summit.api, summit.event_id
    summit.guest("Carol")
    alice, bob, carol = (summit.people[n] for n in ("Alice", "Bob", "Carol"))
    for other in (bob, carol):
        api.meet(alice, other, event)
    api.do(alice, "/notes", conference_id=event, about=bob, kind="need", text=NOTE)
    give = api.do(bob, "/gives", conference_id=event, giver=bob, receiver=alice, kind="advice",
                  note="Pricing tips")["give_id"]
    return {"alice": alice, "bob": bob, "carol": carol, "give": give}


def listed(api, who) -> list[dict]:
    return api.read(who, "/me/suggestions")


def test_every_kind_with_its_reason_and_a_dismissal_that_stays(summit):
    api, people = summit.api, story(summit)
    found = {s["kind"]: s for s in listed(api, people["alice"])}
    assert set(found) == {"introduce", "thank", "follow_up"}
    intro = found["introduce"]
    assert (intro["name"], intro["other_name"]) == ("Bob", "Carol")
    assert intro["reason"] == f"Needs “{NOTE}”; offers “UX reviews”"
    assert found["thank"]["reason"] == "A advice: “Pricing tips”"
    assert (found["follow_up"]["name"], found["follow_up"]["reason"]) == \
        ("Carol", "Met, nothing since")
    api.do(people["alice"], f"/gives/{people['give']}/thanks", message="Thanks!")
    api.do(people["carol"], f"/events/{summit.event_id}/attendees/me/profile",
           profile={"name": "Carol", "needs": "Someone to review our fundraising deck"})
    now = {s["kind"]: s for s in listed(api, people["alice"])}
    assert (now["help_back"]["name"], now["help_back"]["reason"]) == \
        ("Bob", f"Gave you 1; needs “{NOTE}”, which you offer"), "Alice offers UX reviews"
    assert now["follow_up"]["reason"] == \
        "Met, nothing since; needs “Someone to review our fundraising deck”, which you offer"
    api.do(people["alice"], f"/events/{summit.event_id}/attendees/me/profile",
           profile={"name": "Alice", "offers": "Angel investing"})
    assert {s["kind"]: s for s in listed(api, people["alice"])}["follow_up"]["reason"] == \
        "Met, nothing since; needs “Someone to review our fundraising deck”, which you offer"
    api.do(people["alice"], f"/events/{summit.event_id}/attendees/me/profile",
           profile={"name": "Alice", "offers": "Pottery classes"})
    assert {s["kind"]: s for s in listed(api, people["alice"])}["follow_up"]["reason"] == \
        "Met, nothing since; needs “Someone to review our fundraising deck”"
    for _ in ("dismissed", "dismissed again: the same fact"):
        api.do(people["alice"], "/me/suggestions/dismissals", suggestion=intro["key"])
        assert intro["key"] not in {s["key"] for s in listed(api, people["alice"])}
    refused = api.post(people["alice"], "/me/suggestions/dismissals", suggestion="introduce:x")
    assert refused.status_code == 422 and "not a suggestion Goodwill makes" in refused.text


def test_the_page_acts_and_dismisses_and_home_shows_the_first_three(summit):
    api, people = summit.api, story(summit)
    alice = api.headers(people["alice"])
    page = api.client.get("/suggestions", headers=alice, params={"after": api.position})
    assert page.status_code == 200
    assert "Introduce <a" in page.text and "Thank <a" in page.text
    assert "Follow up with <a" in page.text
    first = api.client.get("/suggestions", headers=alice, params={"shown": 2}).text
    assert first.count('class="suggestion"') == 2 and 'href="/suggestions?shown=32"' in first
    home = api.client.get("/", headers=alice, params={"after": api.position}).text
    assert home.count('class="suggestion"') == 3 and 'href="/suggestions"' in home
    key = listed(api, people["alice"])[0]["key"]
    opened = api.client.get("/introduce", headers=alice, params={
        "a": people["bob"], "b": people["carol"], "suggestion": key})
    assert f"Bob needs “{NOTE}”, and Carol offers “UX reviews”." in opened.text
    for who, key_tried in ((people["bob"], key), (people["alice"], "introduce:junk")):
        other = api.client.get("/introduce", headers=api.headers(who),
                               params={"suggestion": key_tried})
        assert other.status_code == 200 and NOTE not in other.text, "only its owner's"
    sent = api.client.post("/suggestions/dismissals", headers=alice, follow_redirects=False,
                           data={"csrf_token": alice["X-CSRF-Token"], "suggestion": key,
                                 "command_id": "8d6f5a3e-1c2b-4d5e-9f60-718293a4b5c6",
                                 "back": "/"})
    assert sent.status_code == 303 and sent.headers["location"].startswith("/?after=")
    again = api.client.get(sent.headers["location"], headers=alice).text
    assert "Introduce <a" not in again


def test_a_suggestion_from_my_private_note_is_mine_alone(summit):
    api, people = summit.api, story(summit)
    event = summit.event_id
    for person in (people["alice"], people["bob"], people["carol"]):
        api.do(person, f"/events/{event}/attendees/me/consent",
               consent={"listed_in_directory": True, "shared_with_organizer": True})
    assert NOTE in json.dumps(listed(api, people["alice"]))
    for other in (people["bob"], people["carol"], summit.organizer):
        assert NOTE not in json.dumps(listed(api, other))
        for path in ("/suggestions", "/"):
            shown = api.client.get(path, headers=api.headers(other),
                                   params={"after": api.position})
            assert shown.status_code == 200 and NOTE not in shown.text
    for export in ("timelines.ndjson", "attendees.csv"):
        exported = api.client.get(f"/api/v1/events/{event}/exports/{export}",
                                  headers=api.headers(summit.organizer),
                                  params={"after": api.position})
        assert exported.status_code == 200 and NOTE not in exported.text
