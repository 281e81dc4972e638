"""My profile and what I share at one event, as a page: forms that work without JavaScript,
htmx swapping each form alone, errors next to their field, and the history of my choices."""

from __future__ import annotations

import re
import uuid

import pytest

from tests.web.pages import assert_page, browser

HX = {"HX-Request": "true"}
CHOICES = ("listed_in_directory", "contact_shared_with_connections", "shared_with_organizer")


def hidden(page: str, action: str) -> dict[str, str]:
    """The hidden fields of the form that posts ``action``."""
    form = re.search(rf'<form[^>]*>(?:(?!</form>).)*value="{action}"(?:(?!</form>).)*</form>',
                     page, re.DOTALL)[0]
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', form))


@pytest.fixture
def mine(summit):
    """Sam attends too, and has shared nothing yet: every choice is off by default."""
    api = summit.api
    api.do(summit.organizer, f"/events/{summit.event_id}/attendees", person_id=summit.people["Sam"],
           profile={"name": "Sam"})
    summit.url, summit.headers = f"/events/{summit.event_id}/profile", browser(
        api.headers(summit.people["Sam"]))
    return summit


def open_page(summit) -> str:
    return assert_page(summit.api.client.get(summit.url, headers=summit.headers,
                                             params={"after": summit.api.position}))


def test_every_choice_is_off_and_says_who_sees_what(mine):
    page = open_page(mine)
    for choice in CHOICES:
        box = re.search(rf'<input type="checkbox" id="consent-{choice}"[^>]*>', page)[0]
        assert "checked" not in box and f'aria-describedby="consent-{choice}-says"' in box
        assert f'<label for="consent-{choice}">' in page
        assert re.search(rf'<p id="consent-{choice}-says" class="quiet">[^<]{{40,}}</p>', page)
    assert 'value="Sam"' in page and page.count('name="command_id"') == 2
    assert ("directory: off; email to connections: off; profile to organizers: off"
            in " ".join(page.split()))


def test_saving_my_profile_without_js_comes_back_to_the_page_showing_it(mine):
    api = mine.api
    form = {**hidden(open_page(mine), "profile"), "name": "Sam Steward", "company": "Door Co",
            "offers": "Finding people fast"}
    answers = [api.client.post(mine.url, data=form, headers=mine.headers,
                               follow_redirects=False) for _ in range(2)]
    assert [a.status_code for a in answers] == [303, 303], "one command, however often sent"
    page = assert_page(api.client.get(answers[1].headers["location"], headers=mine.headers))
    assert 'value="Sam Steward"' in page and "Finding people fast" in page
    me = api.read(mine.people["Sam"], f"/events/{mine.event_id}/attendees/me")
    assert (me["name"], me["company"], me["role"]) == ("Sam Steward", "Door Co", "")


def test_a_profile_without_a_name_comes_back_with_the_error_next_to_it(mine):
    api = mine.api
    longest = {"role": "r" * 120, "offers": "o" * 2000, "needs": "n" * 2000}
    form = {**hidden(open_page(mine), "profile"), "name": "  ", "company": "Kept Co", **longest}
    refused = api.client.post(mine.url, data=form, headers={**mine.headers, **HX})
    text = assert_page(refused, 400)
    assert "<html" not in text and len(refused.content) < 8192, len(refused.content)
    assert re.search(r'<input id="profile-name"[^>]*aria-describedby="profile-name-error"', text)
    assert '<p class="error" id="profile-name-error" role="alert">' in text
    assert 'value="Kept Co"' in text
    long = {**form, "name": "Sam", "role": "x" * 121}
    text = assert_page(api.client.post(mine.url, data=long, headers=mine.headers), 400)
    assert 'id="profile-role-error"' in text and "<html" in text


def test_each_field_holds_what_the_api_holds_and_no_more(mine):
    """The form's limits are the API's: a field filled to its ``maxlength`` is saved by the
    API, and one character more is refused by both."""
    api, sam = mine.api, mine.people["Sam"]
    profile = f"/events/{mine.event_id}/attendees/me/profile"
    page = open_page(mine)
    limits = {f: int(n) for f, n in re.findall(r'name="(\w+)" maxlength="(\d+)"', page)}
    full = {field: "x" * limits[field] for field in ("name", "company", "role", "offers", "needs")}
    api.do(sam, profile, command_id=str(uuid.uuid4()), profile=full)
    for field in full:
        over = {**full, field: "x" * (limits[field] + 1)}
        assert api.post(sam, profile, command_id=str(uuid.uuid4()),
                        profile=over).status_code == 400, field
        form = {**hidden(open_page(mine), "profile"), **over}
        text = assert_page(api.client.post(mine.url, data=form, headers=mine.headers), 400)
        assert f'id="profile-{field}-error"' in text, field


def test_with_htmx_a_consent_change_swaps_the_choices_and_their_history(mine):
    api = mine.api
    form = {**hidden(open_page(mine), "consent"), "listed_in_directory": "yes"}
    answer = api.client.post(mine.url, data=form, headers={**mine.headers, **HX})
    text = assert_page(answer)
    assert text.lstrip().startswith('<section class="card" id="consent">')
    assert len(answer.content) < 8192 and "Choices saved." in text
    assert re.search(r'id="consent-listed_in_directory"[^>]*checked', text)
    assert not re.search(r'id="consent-shared_with_organizer"[^>]*checked', text)
    history = re.findall(r"<li>From [^:]+:\d\d: (.*?)</li>", text, re.DOTALL)
    assert [" ".join(h.split()) for h in history] == [
        "listed in the directory: on; email to connections: off; profile to organizers: off;"
        " kept rate on my profile: off",
        "listed in the directory: off; email to connections: off; profile to organizers: off;"
        " kept rate on my profile: off"]
    names = [p["name"] for p in api.read(mine.people["Alice"], f"/events/{mine.event_id}/directory")]
    assert "Sam" in names
    again = {**hidden(text, "consent")}
    assert again["command_id"] != form["command_id"], "a fresh id for the next change"
    unticked = api.client.post(mine.url, data=again, headers=mine.headers,
                               follow_redirects=False)
    page = assert_page(api.client.get(unticked.headers["location"], headers=mine.headers))
    assert not re.search(r'id="consent-listed_in_directory"[^>]*checked', page)


@pytest.mark.parametrize("who", ["Mallory", "Sam"])
def test_only_attendees_of_the_event_have_a_profile_there(summit, who):
    api = summit.api
    person = summit.people.get(who) or summit.person(who)
    url = f"/events/{summit.event_id}/profile"
    assert_page(api.client.get(url, headers=api.headers(person), params={"after": api.position}),
                404)
    assert_page(api.client.get(url), 401)
