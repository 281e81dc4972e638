"""My data as a page: every connection as one vCard file and every open promise as one
calendar, each read strictly and by an independent parser; and forgetting me, which asks
first, signs me out, and leaves nothing of my name or my words in what others see."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from tests.web.files import events, vcards
from tests.web.pages import assert_page, browser


def get(summit, who: str, path: str, after: int | None = None):
    api = summit.api
    return api.client.get(path, headers=browser(api.headers(summit.people[who])),
                          params={"after": after or api.position})


@pytest.fixture
def bobs(summit):
    """Bob met Alice (listed, email private), Carol (unlisted, email shared) and Dan (both);
    Erin he never met."""
    api, bob, event = summit.api, summit.people["Bob"], summit.event_id
    summit.guest("Carol", listed=False)
    summit.guest("Dan")
    summit.guest("Erin")
    for name in ("Carol", "Dan"):
        api.do(summit.people[name], f"/events/{event}/attendees/me/consent",
               consent={"listed_in_directory": name == "Dan",
                        "contact_shared_with_connections": True})
    for name in ("Dan", "Alice", "Carol"):
        api.meet(bob, summit.people[name], event)
    return summit


def test_the_page_offers_every_download_and_a_guarded_forget_me(summit):
    page = assert_page(get(summit, "Bob", "/me/data"))
    for path in ("connections.vcf", "promises.ics", "timeline.csv", "timeline.json"):
        assert f'<a href="/me/data/{path}" download>' in page
    form = re.search(r'<form method="post" action="/me/forget">.*?</form>', page, re.DOTALL)[0]
    assert 'name="csrf_token" value="' in form and 'name="command_id" value="' in form
    assert '<label for="confirm">' in form and 'name="confirm" value="yes" required' in form
    assert_page(summit.api.client.get("/me/data"), 401)


def test_my_connections_come_as_one_vcard_file_each_as_they_consented(bobs):
    answer = get(bobs, "Bob", "/me/data/connections.vcf")
    assert answer.headers["content-type"].startswith("text/vcard")
    assert 'filename="connections.vcf"' in answer.headers["content-disposition"]
    cards = vcards(answer.text)
    assert [card["FN"] for card in cards] == ["Alice", "Carol", "Dan"]
    alice, carol, dan = cards
    assert alice["ORG"] == "Alice Ltd" and "EMAIL" not in alice
    assert carol["EMAIL"] == "carol@example.org" and "ORG" not in carol and "NOTE" not in carol
    assert (dan["ORG"], dan["EMAIL"], dan["NOTE"]) == ("Dan Ltd", "dan@example.org",
                                                      "Offers: UX reviews")
    assert {card["VERSION"] for card in cards} == {"4.0"}
    assert get(bobs, "Erin", "/me/data/connections.vcf").text == ""


def test_my_open_promises_come_as_one_calendar(bobs):
    api, bob, event = bobs.api, bobs.people["Bob"], bobs.event_id
    made = {what: api.do(bob, "/promises", conference_id=event, promisee=bobs.people[to],
                         what=what, due_on=due)["promise_id"]
            for what, to, due in (("Intro to Kim, Lee; soon", "Alice", "2026-12-03"),
                                  ("Send the deck", "Carol", "2026-12-01"),
                                  ("Done already", "Dan", "2026-11-30"))}
    api.do(bob, f"/promises/{made['Done already']}/keep")
    answer = get(bobs, "Bob", "/me/data/promises.ics")
    assert answer.headers["content-type"].startswith("text/calendar")
    found = events(answer.text)
    assert [str(e["SUMMARY"]) for e in found] == ["Promised to Carol: Send the deck",
                                                  "Promised to Alice: Intro to Kim, Lee; soon"]
    assert [e.decoded("DTSTART") for e in found] == [date(2026, 12, 1), date(2026, 12, 3)]
    assert [str(e["UID"]).split("@")[0] for e in found] == [made["Send the deck"],
                                                            made["Intro to Kim, Lee; soon"]]
    assert events(get(bobs, "Erin", "/me/data/promises.ics").text) == []


def test_my_kept_rate_counts_what_came_due_or_ended(bobs):
    api, bob, event = bobs.api, bobs.people["Bob"], bobs.event_id
    word = re.compile(r'<section class="card" id="word">.*?</section>', re.DOTALL)
    assert "No promise of mine has come due yet." in word.search(get(bobs, "Bob", "/me/data").text)[0]
    made = {what: api.do(bob, "/promises", conference_id=event, promisee=bobs.people[to],
                         what=what, due_on=due)["promise_id"]
            for what, to, due in (("Kept late", "Alice", "2026-01-05"),
                                  ("Released", "Carol", "2099-12-30"),
                                  ("Overdue", "Dan", "2026-01-06"),
                                  ("Not due yet", "Alice", "2099-12-31"))}
    api.do(bob, f"/promises/{made['Kept late']}/keep")
    api.do(bob, f"/promises/{made['Released']}/drop", reason="Carol found a designer")
    section = re.sub(r"\s+", " ", word.search(get(bobs, "Bob", "/me/data").text)[0])
    assert ("<strong>33% kept</strong>: 1 of the 3 promises that came due or ended"
            " (1 released, 1 overdue).") in section
    assert "No promise" in word.search(get(bobs, "Alice", "/me/data").text)[0], "Bob's, not hers"


def test_forget_me_asks_first_then_erases_me_from_what_others_see(bobs):
    api, alice, bob, event = bobs.api, bobs.people["Alice"], bobs.people["Bob"], bobs.event_id
    words = ("Ask for the quiet room", "Send you the deck", "Both build kilns")
    api.do(alice, "/gives", conference_id=event, giver=alice, receiver=bob, kind="advice",
           note=words[0])
    api.do(alice, "/promises", conference_id=event, promisee=bob, what=words[1],
           due_on="2026-12-01")
    api.introduce(alice, event, person_a=bob,
           person_b=bobs.people["Dan"], why=words[2])
    headers = browser(api.headers(alice))
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">',
                           assert_page(get(bobs, "Alice", "/me/data"))))
    unconfirmed = assert_page(api.client.post("/me/forget", data=form, headers=headers), 400)
    assert '<p class="error" id="confirm-error" role="alert">' in unconfirmed
    assert 'aria-describedby="confirm-error"' in unconfirmed
    assert "Alice" in assert_page(get(bobs, "Bob", f"/events/{event}/directory"))

    gone = api.client.post("/me/forget", data={**form, "confirm": "yes"}, headers=headers,
                           follow_redirects=False)
    assert (gone.status_code, gone.headers["location"]) == (303, "/forgotten")
    cleared = gone.headers.get_list("set-cookie")
    assert any(c.startswith("goodwill_session=") and "Max-Age=0" in c for c in cleared)
    assert "You have been forgotten" in assert_page(api.client.get("/forgotten"))

    after = api.system.runner.head()
    seen = [get(bobs, "Bob", path, after).text for path in (
        "/", "/timeline", "/follow-ups", f"/contacts/{alice}", f"/events/{event}/directory",
        "/me/data/connections.vcf", "/me/data/timeline.json", "/me/data/timeline.csv")]
    seen.append(json.dumps(api.read(bob, f"/me/ledger/{alice}")))
    for text in seen:
        assert "Alice" not in text and "alice@" not in text
        assert not any(word in text for word in words)
    assert [card["FN"] for card in vcards(seen[5])] == ["Carol", "Dan"]
