"""A contact's page: what passed between us, my notes and promises, and quick actions that
record once however often they are sent, with errors shown next to their field."""

from __future__ import annotations

import re

import pytest

from tests.web.pages import assert_page, browser


def connected(summit) -> tuple:
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    api.meet(bob, alice, summit.event_id)
    return api, alice, bob, browser(api.headers(bob))


def form_of(page: str, action: str) -> dict[str, str]:
    """The fields of the form that records ``action`` (help given is the help form's first
    choice)."""
    found = re.search(rf'aria-labelledby="{action}-title">.*?name="command_id" value="([^"]+)"',
                      page, re.DOTALL)
    return {"csrf_token": re.search(r'name="csrf_token" value="([^"]*)"', page)[1],
            "command_id": found[1], "action": action}


def opened(api, url: str, headers: dict) -> str:
    return assert_page(api.client.get(url, headers=headers, params={"after": api.position}))


def test_the_page_shows_what_passed_between_us(summit):
    api, alice, bob, headers = connected(summit)
    api.do(alice, "/gives", conference_id=summit.event_id, giver=alice, receiver=bob,
           kind="advice", note="Pricing tips")
    api.do(bob, "/notes", conference_id=summit.event_id, about=alice, kind="goal", text="Hire")
    api.do(bob, "/promises", conference_id=summit.event_id, promisee=alice, what="Send deck",
           due_on="2026-12-01")
    page = assert_page(api.client.get(f"/contacts/{alice}", headers=headers,
                                      params={"after": api.position}))
    assert "Alice" in page and "Pricing tips" in page and "Hire" in page
    assert "Send deck" in page and "Balance" in page
    for field in ("help-kind", "help-note", "note-text", "promise-what", "promise-due_on"):
        assert f'<label for="{field}">' in page
    buttons = re.findall(r"<button[^>]*>(.*?)</button>", page, re.DOTALL)
    assert len(buttons) == len(set(buttons)), "no two buttons alike"
    assert "Record help" in buttons and "Save private note" in buttons


def test_a_quick_action_sent_twice_is_recorded_once(summit):
    api, alice, _, headers = connected(summit)
    url = f"/contacts/{alice}"
    form = {**form_of(opened(api, url, headers), "gave"),
            "kind": "advice", "note": "Intro to a printer"}
    answers = [api.client.post(url, data=form, headers=headers, follow_redirects=False)
               for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303]
    page = assert_page(api.client.get(answers[1].headers["location"], headers=headers))
    assert page.count("Intro to a printer") == 1


def test_with_htmx_the_section_comes_back_alone_and_updated(summit):
    api, alice, _, headers = connected(summit)
    url = f"/contacts/{alice}"
    form = {**form_of(opened(api, url, headers), "note"),
            "kind": "need", "text": "A designer"}
    fragment = api.client.post(url, data=form, headers={**headers, "HX-Request": "true"})
    text = assert_page(fragment)
    assert "A designer" in text and "<html" not in text and len(fragment.content) < 8192


@pytest.mark.parametrize("fields, field", [({"what": " ", "due_on": "2020-01-01"}, "what"),
                                           ({"what": "Deck", "due_on": "soon"}, "due_on")])
def test_a_bad_field_is_shown_next_to_it(summit, fields, field):
    api, alice, _, headers = connected(summit)
    url = f"/contacts/{alice}"
    form = {**form_of(opened(api, url, headers), "promise"), **fields}
    page = assert_page(api.client.post(url, data=form, headers=headers), 400)
    assert f'id="promise-{field}-error"' in page
    assert "Deck" not in opened(api, url, headers).split('id="quick-actions"')[0]


def test_a_past_due_date_is_fine(summit):
    api, alice, _, headers = connected(summit)
    url = f"/contacts/{alice}"
    form = {**form_of(opened(api, url, headers), "promise"),
            "what": "Call back", "due_on": "2020-01-01"}
    answer = api.client.post(url, data=form, headers=headers, follow_redirects=False)
    assert answer.status_code == 303


def test_only_my_contacts_have_a_page(summit):
    api, alice = summit.api, summit.people["Alice"]
    assert_page(api.client.get(f"/contacts/{alice}"), 401)
    summit.guest("Carol")
    carol = summit.people["Carol"]
    assert_page(api.client.get(f"/contacts/{alice}", headers=api.headers(carol),
                               params={"after": api.position}), 404)
