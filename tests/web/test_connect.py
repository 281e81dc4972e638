"""Scanning a badge: who it is, and one tap to connect — once, however often it is sent."""

import re

from tests.web.pages import assert_page, browser


def form_of(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(csrf_token|command_id)" value="([^"]*)"', page))


def test_the_scanned_badge_shows_its_wearer_and_connects_once(summit):
    api, bob = summit.api, summit.people["Bob"]
    url, headers = f"/c/{summit.guests['Alice']['connect_code']}", browser(api.headers(bob))
    page = assert_page(api.client.get(url, headers=headers))
    assert "Alice" in page and "Alice Ltd" in page and "UX reviews" in page
    form = form_of(page)
    assert set(form) == {"csrf_token", "command_id"}
    answers = [api.client.post(url, data=form, headers=headers, follow_redirects=False)
               for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303]
    assert answers[0].headers["location"] == answers[1].headers["location"]
    connected = assert_page(api.client.get(answers[0].headers["location"], headers=headers))
    assert "Connected" in connected and 'name="command_id"' not in connected
    contacts = api.read(bob, "/me/follow-ups")["met_without_follow_up"]
    assert [c["other_id"] for c in contacts] == [summit.people["Alice"]]


def test_a_quick_note_is_recorded_with_the_connection_once(summit):
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    url, headers = f"/c/{summit.guests['Alice']['connect_code']}", browser(api.headers(bob))
    page = assert_page(api.client.get(url, headers=headers))
    assert '<label for="note_text">' in page and '<label for="note_kind">' in page
    note_id = re.search(r'name="note_command_id" value="([^"]+)"', page)[1]
    form = {**form_of(page), "note_command_id": note_id, "note_kind": "goal",
            "note_text": "Hiring a designer"}
    answers = [api.client.post(url, data=form, headers=headers, follow_redirects=False)
               for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303]
    assert answers[0].headers["location"] == answers[1].headers["location"]
    connected = assert_page(api.client.get(answers[0].headers["location"], headers=headers))
    assert f'<a href="/contacts/{alice}">Open contact page</a>' in connected
    notes = [e for e in api.read(bob, "/me/timeline")["entries"] if e["kind"] == "noted"]
    assert [(n["other_person_id"], n["detail"]) for n in notes] == [
        (alice, {"kind": "goal", "text": "Hiring a designer"})]


def test_a_note_of_no_known_kind_comes_back_and_connects_nobody(summit):
    api, bob = summit.api, summit.people["Bob"]
    url, headers = f"/c/{summit.guests['Alice']['connect_code']}", browser(api.headers(bob))
    form = {**form_of(assert_page(api.client.get(url, headers=headers))),
            "note_kind": "gossip", "note_text": "Hiring a designer"}
    page = assert_page(api.client.post(url, data=form, headers=headers), 400)
    assert 'id="note_kind-error"' in page and "Hiring a designer" in page
    assert api.read(bob, "/me/follow-ups")["met_without_follow_up"] == []


def test_an_unlisted_attendee_shows_only_their_name(summit):
    api = summit.api
    carol = summit.guest("Carol", listed=False)
    page = assert_page(api.client.get(f"/c/{carol['connect_code']}",
                                      headers=api.headers(summit.people["Bob"]),
                                      params={"after": api.position}))
    assert "Carol" in page and "Carol Ltd" not in page and "UX reviews" not in page


def test_a_form_without_its_csrf_token_is_refused(summit):
    api = summit.api
    url, headers = f"/c/{summit.guests['Alice']['connect_code']}", api.headers(summit.people["Bob"])
    form = form_of(api.client.get(url, headers=headers).text)
    del form["csrf_token"]
    refused = api.client.post(url, data=form, headers=browser(headers), follow_redirects=False)
    assert_page(refused, 403)
    assert "Connected" not in api.client.get(url, headers=headers).text


def test_a_stranger_is_asked_to_sign_in_first(summit):
    page = summit.api.client.get(f"/c/{summit.guests['Alice']['connect_code']}")
    assert "Open the personal sign-in link" in assert_page(page, 401)
    assert "Alice" not in page.text


def test_an_unknown_code_is_a_404_page(summit):
    api = summit.api
    page = api.client.get("/c/NO-SUCH-CODE", headers=api.headers(summit.people["Bob"]))
    assert "No badge has this code" in assert_page(page, 404)
