"""My follow-ups, my timeline and an event's directory as pages, and the fragments htmx
asks for: small, and never a whole document."""

from __future__ import annotations

import re

from tests.web.pages import assert_buttons_differ, assert_page, browser, form_to

HX = {"HX-Request": "true"}


def fragment(response) -> str:
    text = assert_page(response)
    assert "<html" not in text and len(response.content) < 8192, len(response.content)
    return text


def test_follow_ups_list_what_to_do_with_buttons_that_do_it(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    at = {"conference_id": summit.event_id}
    summit.guest("Carol")
    give = api.do(alice, "/gives", **at, giver=alice, receiver=bob, kind="advice",
                  note="Pricing tips")["give_id"]
    api.do(alice, "/gives", **at, giver=alice, receiver=bob, kind="advice", note="Glaze tips")
    summit.guest("Dan")
    api.do(summit.people["Dan"], "/connection-requests", **at, person_id=bob)
    promise = api.do(bob, "/promises", **at, promisee=alice, what="Send deck",
                     due_on="2020-01-01")["promise_id"]
    api.introduce(alice, at["conference_id"], person_a=bob, person_b=summit.people["Carol"],
           why="Both build kilns")
    headers = browser(api.headers(bob))
    page = assert_page(api.client.get("/follow-ups", headers=headers,
                                      params={"after": api.position}))
    assert "Send deck" in page and "Pricing tips" in page and "Both build kilns" in page
    assert "Carol" in page and "Accept" in page and "Decline" in page
    assert_buttons_differ(page)
    assert f'<a href="/promises/{promise}/reminder.ics" download>Add reminder</a>' in page
    thank = re.search(rf'action="/follow-ups/thanks/{give}">\s*<input type="hidden"'
                      r' name="csrf_token" value="([^"]*)">\s*<input type="hidden"'
                      r' name="command_id" value="([^"]*)"', page)
    form = {"csrf_token": thank[1], "command_id": thank[2]}
    answers = [api.client.post(f"/follow-ups/thanks/{give}", data=form, headers=headers,
                               follow_redirects=False) for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303]
    after = assert_page(api.client.get(answers[1].headers["location"], headers=headers))
    assert f"/follow-ups/thanks/{give}" not in after
    assert_page(api.client.get("/follow-ups"), 401)


def test_the_timeline_pages_by_twenty_and_htmx_gets_the_next_items(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    for n in range(25):
        api.do(bob, "/notes", conference_id=summit.event_id, about=alice, kind="need",
               text=f"Note {n:02}")
    headers = browser(api.headers(bob))
    page = assert_page(api.client.get("/timeline", headers=headers,
                                      params={"after": api.position}))
    assert "Note 24" in page and "Note 05" in page and "Note 04" not in page
    more = re.search(r'hx-get="(/timeline\?before=[^"]+)" hx-trigger="revealed"'
                     r' hx-swap="outerHTML"', page)[1]
    assert f'<a href="{more}">More</a>' in page
    rest = fragment(api.client.get(more, headers={**headers, **HX}))
    assert "Note 04" in rest and "Note 00" in rest and "Note 05" not in rest
    assert "hx-get" not in rest
    assert_page(api.client.get("/timeline"), 401)


def test_the_directory_searches_as_you_type_and_without_js(summit):
    api, bob = summit.api, summit.people["Bob"]
    summit.guest("Carol", listed=False)
    url, headers = f"/events/{summit.event_id}/directory", browser(api.headers(bob))
    page = assert_page(api.client.get(url, headers=headers, params={"after": api.position}))
    assert 'hx-trigger="input changed delay:300ms"' in page and '<label for="q">' in page
    assert "Alice" in page and "Carol" not in page
    found = fragment(api.client.get(url, headers={**headers, **HX}, params={"q": "ali"}))
    assert "Alice" in found and "Bob Ltd" not in found
    assert "Alice" not in assert_page(api.client.get(url, headers=headers, params={"q": "zzz"}))


def test_the_directory_is_for_the_people_at_the_event(summit):
    api = summit.api
    outsider = summit.person("Mallory")
    url = f"/events/{summit.event_id}/directory"
    assert_page(api.client.get(url), 401)
    refused = api.client.get(url, headers=api.headers(outsider), params={"after": api.position})
    assert refused.status_code in (403, 404) and "Alice" not in refused.text


def test_home_and_nav_link_the_pages(summit):
    api = summit.api
    page = assert_page(api.client.get("/", headers=api.headers(summit.people["Bob"]),
                                      params={"after": api.position}))
    for link in ("/follow-ups", "/timeline", f"/events/{summit.event_id}/directory"):
        assert f'href="{link}"' in page


def test_accepting_an_introduction_from_the_page_takes_it_off_the_list(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    summit.guest("Carol")
    intro = api.introduce(alice, summit.event_id, person_a=bob, person_b=summit.people["Carol"],
                          why="Both build kilns")["introduction_id"]
    headers = browser(api.headers(bob))
    page = assert_page(api.client.get("/follow-ups", headers=headers,
                                      params={"after": api.position}))
    fields = re.search(rf'action="/follow-ups/introductions/{intro}">\s*<input type="hidden"'
                       r' name="csrf_token" value="([^"]*)">\s*<input type="hidden"'
                       r' name="command_id" value="([^"]*)"', page)
    answer = api.client.post(f"/follow-ups/introductions/{intro}", headers=headers,
                             data={"csrf_token": fields[1], "command_id": fields[2],
                                   "accept": "yes"}, follow_redirects=False)
    assert answer.status_code == 303
    after = assert_page(api.client.get(answer.headers["location"], headers=headers))
    assert f"/follow-ups/introductions/{intro}" not in after


def test_connection_requests_are_answered_from_follow_ups_and_only_a_yes_connects(summit):
    api, event, bob = summit.api, summit.event_id, summit.people["Bob"]
    summit.guest("Carol")
    asked = {name: api.do(summit.people[name], "/connection-requests", conference_id=event,
                          person_id=bob)["request_id"] for name in ("Alice", "Carol")}
    headers = browser(api.headers(bob))
    page = assert_page(api.client.get("/follow-ups", headers=headers,
                                      params={"after": api.position}))
    requests = re.search(r'<section class="card" id="requests">.*?</section>', page, re.S)[0]
    assert "<bdi>Alice</bdi> (<bdi>Alice Ltd</bdi>) asked to connect" in requests and "Carol" in requests
    for name, choice in (("Alice", "accept"), ("Carol", "block")):
        action = f"/follow-ups/requests/{asked[name]}"
        answered = api.client.post(action, headers=headers, follow_redirects=False,
                                   data=form_to(page, action, ("answer", choice)))
        assert answered.status_code == 303
    after = assert_page(api.client.get(answered.headers["location"], headers=headers))
    assert "/follow-ups/requests/" not in after and "No one is waiting" in after
    api.do(summit.people["Carol"], "/connection-requests", conference_id=event, person_id=bob)
    again = assert_page(api.client.get("/follow-ups", headers=headers,
                                       params={"after": api.position}))
    assert "/follow-ups/requests/" not in again, "a blocked sender never comes back"
    met = [e["other_person_id"] for e in api.read(bob, "/me/timeline")["entries"]
           if e["kind"] == "connected"]
    assert met == [summit.people["Alice"]]
