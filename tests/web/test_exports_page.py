"""The organizers' list of an event's exports: plain links that download with the session
cookie, with JavaScript or without; for the event's organizers alone."""

import re

from tests.web.pages import assert_page, browser


def test_the_organizer_finds_every_export_and_each_link_downloads(summit):
    api, event = summit.api, summit.event_id
    headers = browser(api.headers(summit.organizer))
    page = assert_page(api.client.get(f"/events/{event}/exports", headers=headers))
    links = re.findall(r'<a href="([^"]+)" download="([^"]+)">', page)
    assert [name for _, name in links] == [
        f"reciprocity-summit-{export}" for export in (
            "attendees.csv", "attendees.xlsx", "scan-log.csv", "connections.csv",
            "connections.graphml", "gives.csv", "timelines.ndjson", "figures.json")]
    for url, name in links:
        answer = api.client.get(url, headers=headers)
        assert answer.status_code == 200, url
        assert answer.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert "counted but never named" in page


def test_the_home_page_leads_organizers_to_the_exports(summit):
    api, event = summit.api, summit.event_id
    home = assert_page(api.client.get("/", headers=browser(api.headers(summit.organizer))))
    assert f'href="/events/{event}/exports"' in home
    alice_home = api.client.get("/", headers=browser(api.headers(summit.people["Alice"])))
    assert "/exports" not in assert_page(alice_home)


def test_staff_and_attendees_are_refused_with_a_page(summit):
    api, event = summit.api, summit.event_id
    for who in ("Sam", "Alice"):
        answer = api.client.get(f"/events/{event}/exports",
                                headers=browser(api.headers(summit.people[who])))
        assert "Only this event&#39;s organizers" in assert_page(answer, 403)
    assert_page(api.client.get(f"/events/{event}/exports"), 401)
