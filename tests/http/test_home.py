"""The landing page: a way in for a newcomer with a sign-in link."""


def test_home_lists_what_the_signed_in_person_can_open(summit):
    api, alice = summit.api, summit.people["Alice"]
    page = api.client.get("/", headers=api.headers(alice))
    assert page.status_code == 200 and "Signed in as <bdi>Alice</bdi>" in page.text
    assert f"/events/{summit.event_id}/directory" in page.text
    assert "/console" not in page.text
    organizer = api.client.get("/", headers=api.headers(summit.organizer)).text
    assert f"/events/{summit.event_id}/console" in organizer
    for path in ("/timeline", "/follow-ups"):
        assert '<a href="/console">Console</a>' in api.client.get(
            path, headers=api.headers(summit.organizer)).text, "in every page's top bar"
        assert "Console" not in api.client.get(path, headers=api.headers(alice)).text


NAV = 'aria-label="Mine"'


def test_a_stranger_is_welcomed_not_refused(api):
    page = api.client.get("/")
    assert page.status_code == 200 and "<title>Goodwill</title>" in page.text
    assert "Welcome to Goodwill" in page.text and "personal sign-in link" in page.text
    assert 'href="/s/lost"' in page.text
    assert NAV not in page.text, "no attendee navigation until signed in"


def test_a_page_refused_to_a_stranger_says_in_plain_words_how_to_get_in(summit):
    api = summit.api
    for path in ("/follow-ups", "/timeline", f"/events/{summit.event_id}/directory"):
        page = api.client.get(path)
        assert page.status_code == 401 and page.headers["content-type"].startswith("text/html")
        assert "<title>Please sign in · Goodwill</title>" in page.text
        assert "You are not signed in here." in page.text and 'href="/s/lost"' in page.text
        assert "Bearer" not in page.text and "Authorization" not in page.text
        assert NAV not in page.text
    mine = api.client.get(f"/events/{summit.event_id}/console",
                          headers=api.headers(summit.people["Alice"]))
    assert mine.status_code == 403 and "<title>Not for you · Goodwill</title>" in mine.text
    assert NAV in mine.text, "a signed-in person keeps their way around"
    forged = api.client.post("/follow-ups/thanks/" + summit.event_id, data={"command_id": "x"},
                             headers={"Cookie": api.headers(summit.people["Alice"])["Cookie"]})
    assert forged.status_code == 403 and "reload the page and send it again" in forged.text
    assert "X-CSRF-Token" not in forged.text
