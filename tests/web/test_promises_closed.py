"""A promise has a life both people see: its maker marks it kept from the follow-ups list,
or releases it with a reason from the contact page; then it is no longer due, its reminder
and its calendar entry are gone, and the person promised reads which it was."""

from __future__ import annotations

import re

from tests.web.pages import assert_page, browser, form_to


def promises(summit) -> tuple[str, str]:
    api, event = summit.api, summit.event_id
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    api.meet(alice, bob, event)
    made = [api.do(alice, "/promises", conference_id=event, promisee=bob, what=what,
                   due_on="2026-12-08")["promise_id"] for what in ("A deck", "An intro")]
    return made[0], made[1]


def get(summit, who: str, path: str) -> str:
    api = summit.api
    return assert_page(api.client.get(path, headers=browser(api.headers(summit.people[who])),
                                      params={"after": api.position}))


def post(summit, who: str, action: str, form: dict[str, str]):
    api = summit.api
    answer = api.client.post(action, data=form, follow_redirects=False,
                             headers=browser(api.headers(summit.people[who])))
    if answer.status_code == 303:
        api.position = int(re.search(r"after=(\d+)", answer.headers["location"])[1])
    return answer


def test_kept_from_the_follow_ups_and_released_from_the_contact_page(summit):
    deck, intro = promises(summit)
    alice, bob = summit.people["Alice"], summit.people["Bob"]
    mine = get(summit, "Alice", "/follow-ups")
    assert "Mark “<bdi>A deck</bdi>” kept" in mine and "Release “<bdi>An intro</bdi>”" in mine
    kept = form_to(mine, f"/follow-ups/promises/{deck}", ("answer", "kept"))
    assert post(summit, "Alice", f"/follow-ups/promises/{deck}", kept).status_code == 303
    mine = get(summit, "Alice", "/follow-ups")
    assert "A deck" not in mine and "An intro" in mine
    reminder = summit.api.client.get(f"/promises/{deck}/reminder.ics",
                                     headers=summit.api.headers(alice))
    assert reminder.status_code == 404 and "kept" in reminder.text
    calendar = summit.api.client.get("/me/data/promises.ics", headers=summit.api.headers(alice))
    assert "A deck" not in calendar.text and "An intro" in calendar.text

    contact = get(summit, "Alice", f"/contacts/{bob}")
    release = form_to(contact, f"/contacts/{bob}/promises/{intro}", ("answer", "release"))
    refused = post(summit, "Alice", f"/contacts/{bob}/promises/{intro}", release)
    assert refused.status_code == 400 and "Please fill this in." in refused.text
    released = post(summit, "Alice", f"/contacts/{bob}/promises/{intro}",
                    {**release, "reason": "They found someone closer"})
    assert released.status_code == 303
    assert "An intro" not in get(summit, "Alice", "/follow-ups")

    theirs = re.sub(r"\s+", " ", get(summit, "Bob", f"/contacts/{alice}"))
    assert "<bdi>Alice</bdi> promised me: <bdi>A deck</bdi> · <strong>kept</strong>" in theirs
    assert ("<bdi>Alice</bdi> promised me: <bdi>An intro</bdi> · <strong>released</strong>:"
            " <bdi>They found someone closer</bdi>") in theirs
    assert "Mark “" not in theirs and "reminder.ics" not in theirs


def test_only_its_maker_closes_a_promise(summit):
    deck, _ = promises(summit)
    alice = summit.people["Alice"]
    form = {"answer": "kept", "command_id": "6f1c3a52-4d0e-4bb4-9a5f-0c2d7e9b1a10"}
    for path in (f"/follow-ups/promises/{deck}", f"/contacts/{alice}/promises/{deck}"):
        page = get(summit, "Bob", f"/contacts/{alice}")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        answer = post(summit, "Bob", path, {**form, "csrf_token": token})
        assert answer.status_code in (403, 404), (path, answer.status_code)
    assert "A deck" in get(summit, "Alice", "/follow-ups")


def test_kept_from_home_which_lists_what_is_due(summit):
    deck, intro = promises(summit)
    home = get(summit, "Alice", "/")
    assert "Mark “<bdi>A deck</bdi>” kept" in home and "Release “<bdi>An intro</bdi>”" in home
    kept = form_to(home, f"/follow-ups/promises/{deck}", ("answer", "kept"))
    answer = post(summit, "Alice", f"/follow-ups/promises/{deck}", kept)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/?after=")
    home = get(summit, "Alice", "/")
    assert "A deck" not in home and "An intro" in home
    assert "0 overdue, 1 due within a week" in home
