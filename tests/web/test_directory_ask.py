"""Asking someone met at the event to connect, from the directory: the same command as the
API's, and the directory then says "asked" whatever the other person answers."""

from __future__ import annotations

from tests.web.pages import assert_page, browser, form_to


def directory(summit, who: str) -> str:
    api = summit.api
    return assert_page(api.client.get(f"/events/{summit.event_id}/directory",
                                      headers=browser(api.headers(summit.people[who])),
                                      params={"after": api.position}))


def test_asking_from_the_directory_reaches_the_other_on_their_follow_ups(summit):
    api, action = summit.api, f"/events/{summit.event_id}/directory/ask"
    page = directory(summit, "Alice")
    assert "Ask <bdi>Alice</bdi> to connect" not in page and "Ask <bdi>Bob</bdi> to connect" in page
    headers = browser(api.headers(summit.people["Alice"]))
    form = form_to(page, action, None) if page.count(action) == 1 else None
    assert form is not None and form["person_id"] == summit.people["Bob"]
    for _ in range(2):  # a double tap is one request
        asked = api.client.post(action, data=form, headers=headers, follow_redirects=False)
        assert asked.status_code == 303
    after = assert_page(api.client.get(asked.headers["location"], headers=headers))
    assert "Ask <bdi>Bob</bdi> to connect" not in after and "Asked to connect" in after
    waiting = api.read(summit.people["Bob"], "/connection-requests/waiting")
    assert [w["person_id"] for w in waiting] == [summit.people["Alice"]]
    api.do(summit.people["Bob"], f"/connection-requests/{waiting[0]['request_id']}/answer",
           accept=False)
    assert "Asked to connect" in directory(summit, "Alice"), "a decline is not told"
    tampered = api.client.post(action, data={**form, "person_id": "nobody"}, headers=headers)
    assert "reload the page" in assert_page(tampered, 404)
