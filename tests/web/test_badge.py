"""My badge: a QR of the connect URL, drawn on the server, for its wearer only."""

from tests.web.pages import assert_page, inlined, script_served


def test_the_badge_shows_a_qr_of_the_connect_url_and_the_code(summit):
    api, alice = summit.api, summit.people["Alice"]
    code = summit.guests["Alice"]["connect_code"]
    text = assert_page(api.client.get(f"/events/{summit.event_id}/badge",
                                      headers=api.headers(alice)))
    assert '<svg viewBox="' in text and 'class="qr"' in text
    assert f"http://testserver.local/c/{code}" in text
    assert f'<span class="code">{code}</span>' in text


def test_someone_without_a_badge_there_gets_a_404_page(summit):
    api = summit.api
    page = api.client.get(f"/events/{summit.event_id}/badge",
                          headers=api.headers(summit.people["Sam"]))
    assert "no badge at this event" in assert_page(page, 404)


def test_a_stranger_is_asked_to_sign_in(summit):
    page = summit.api.client.get(f"/events/{summit.event_id}/badge")
    assert "Open the personal sign-in link" in assert_page(page, 401)


def test_home_links_an_attendee_to_their_badge(summit):
    api = summit.api
    text = assert_page(api.client.get("/", headers=api.headers(summit.people["Alice"])))
    assert f"/events/{summit.event_id}/badge" in text
    organizer = assert_page(api.client.get("/", headers=api.headers(summit.organizer)))
    assert "/badge" not in organizer


def test_the_layout_s_script_and_stylesheet_are_served_from_here(summit):
    api = summit.api
    page = api.client.get(f"/events/{summit.event_id}/badge",
                          headers=api.headers(summit.people["Alice"]))
    assert inlined(page.text, "app.css")
    script_served(api.client, page.text, "vendor/htmx/htmx-2.0.11.min.js")
