"""The landing page: a way in for a newcomer with a sign-in link."""


def test_home_lists_what_the_signed_in_person_can_open(summit):
    api, alice = summit.api, summit.people["Alice"]
    page = api.client.get("/", headers=api.headers(alice))
    assert page.status_code == 200 and "Signed in as Alice" in page.text
    assert f"/events/{summit.event_id}/directory" in page.text
    assert "/console" not in page.text
    organizer = api.client.get("/", headers=api.headers(summit.organizer)).text
    assert f"/events/{summit.event_id}/console" in organizer


def test_home_asks_strangers_to_use_their_link(api):
    page = api.client.get("/")
    assert page.status_code == 401 and "sign-in link" in page.text
