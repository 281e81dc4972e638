"""Behind a proxy the request's own address is the inside one: the configured public URL
is what a phone camera must open."""

import dataclasses

import pytest

from tests.web.pages import assert_page


@pytest.fixture
def settings(settings):
    """The test client speaks to it by an inside name the operator allowed."""
    return dataclasses.replace(settings, public_url="https://summit.example",
                               allowed_hosts=("testserver.local",))


def test_the_badge_links_to_the_public_url(summit):
    api, code = summit.api, summit.guests["Alice"]["connect_code"]
    text = assert_page(api.client.get(f"/events/{summit.event_id}/badge",
                                      headers=api.headers(summit.people["Alice"])))
    assert f"https://summit.example/c/{code}" in text and "testserver" not in text

