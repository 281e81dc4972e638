"""The scan page without its camera: a typed or pasted code (or a keyboard-wedge scanner's)
opens the badge's page, anything else comes back with the error next to the field."""

import pytest

from goodwill.http.core.assets import asset
from tests.web.pages import assert_kept, assert_page, browser, script_served


def scan(summit, typed: str | None = None, who: str = "Bob"):
    api = summit.api
    params = {} if typed is None else {"code": typed}
    return api.client.get("/scan", params=params, headers=browser(api.headers(summit.people[who])),
                          follow_redirects=False)


@pytest.mark.parametrize("typed", ["{code}", "  {code}\n", "http://testserver.local/c/{code}",
                                   "testserver.local/c/{code}/", "/c/{code}"])
def test_a_code_or_a_link_to_a_badge_opens_the_badge_page(summit, typed):
    code = summit.guests["Alice"]["connect_code"]
    answer = scan(summit, typed.format(code=code))
    assert answer.status_code == 303 and answer.headers["location"] == f"/c/{code}"


@pytest.mark.parametrize(("typed", "error"), [
    ("", "Please type or paste the code from the badge."),
    ("not a code!", "That is not a Goodwill badge code or link."),
    ("https://example.org/c/ABCDEF", "That is not a Goodwill badge code or link."),
    ("http://testserver.local/contacts/ABCDEF", "That is not a Goodwill badge code or link."),
    ("A" * 65, "That is not a Goodwill badge code or link.")])
def test_anything_else_comes_back_with_the_error_next_to_the_field(summit, typed, error):
    page = assert_page(scan(summit, typed), 400)
    assert f'<p class="error" id="code-error" role="alert">{error}</p>' in page
    assert 'aria-invalid="true" aria-describedby="code-error"' in page
    assert "<script" in page and asset("scan.js") in page


def test_the_page_has_the_camera_the_form_and_the_directory_of_my_events(summit):
    page = assert_page(scan(summit))
    assert '<form method="get" action="/scan">' in page and "autofocus" in page
    assert '<label for="code">' in page and 'class="error"' not in page
    assert f'href="/events/{summit.event_id}/directory"' in page
    assert 'data-badge-origin="http://testserver.local"' in page
    assert 'data-code-pattern="^[A-Za-z0-9_-]+$" data-code-length="64"' in page
    assert f'data-decoder="{asset("vendor/jsqr/jsQR-1.4.0.js")}"' in page
    script_served(summit.api.client, page, "scan.js")
    assert_kept(summit.api.client, asset("vendor/jsqr/jsQR-1.4.0.js"))


def test_the_decoder_loads_on_no_page_and_every_page_links_the_scanner(summit):
    """jsQR is fetched by scan.js only when the browser cannot read QR codes itself."""
    api, alice = summit.api, summit.people["Alice"]
    for path in ("/scan", "/follow-ups", f"/events/{summit.event_id}/badge"):
        page = assert_page(api.client.get(path, headers=api.headers(alice)))
        assert "jsQR-1.4.0.js\"></script>" not in page and '<a href="/scan">Scan</a>' in page
    badge = api.client.get(f"/events/{summit.event_id}/badge", headers=api.headers(alice))
    assert '<a class="button" href="/scan">' in badge.text


def test_a_stranger_is_asked_to_sign_in_first(summit):
    code = summit.guests["Alice"]["connect_code"]
    for params in ({}, {"code": code}):
        page = summit.api.client.get("/scan", params=params, follow_redirects=False)
        assert "Open the personal sign-in link" in assert_page(page, 401)
