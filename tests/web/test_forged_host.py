"""Whoever sends a request chooses its Host header: without a public URL, badges and links
show the address the server was started on, never the header's."""

import dataclasses

import pytest

from tests.web.pages import assert_page


@pytest.fixture
def settings(settings):
    return dataclasses.replace(settings, public_url="", host="127.0.0.1", port=8000)


def test_a_forged_host_header_never_reaches_a_badge_or_a_sign_in_link(summit):
    api, code = summit.api, summit.guests["Alice"]["connect_code"]
    forged = {"Host": "evil.example"}
    badge = assert_page(api.client.get(f"/events/{summit.event_id}/badge",
                                       headers={**api.headers(summit.people["Alice"]),
                                                **forged}))
    assert f"http://127.0.0.1:8000/c/{code}" in badge and "evil.example" not in badge
    shown = api.client.post(
        f"/api/v1/events/{summit.event_id}/attendees/{summit.people['Bob']}/sign-in-link",
        json={"command_id": "7d1f7b8e-4a2b-4c39-9a51-8f0f7f6c2d11"},
        headers={**api.headers(summit.organizer), **forged})
    assert shown.status_code == 200, shown.text
    assert shown.json()["result"]["link"].startswith("http://127.0.0.1:8000/s#gwl_")
