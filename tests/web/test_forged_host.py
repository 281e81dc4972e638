"""Whoever sends a request chooses its Host header: a name the site does not answer to is
refused before any handler runs, and even a name the operator allowed never reaches a
badge or a link, which show the public URL or, without one, the address the server was
started on."""

import dataclasses

import pytest

from goodwill.http.core.hosts import host_name, trusted
from tests.web.pages import assert_page


@pytest.fixture
def settings(settings):
    """Started on 127.0.0.1:8000 with no public URL; the test client's own name allowed."""
    return dataclasses.replace(settings, public_url="", host="127.0.0.1", port=8000,
                               allowed_hosts=("testserver.local",))


def test_a_forged_host_header_is_refused_and_never_reaches_a_badge(summit):
    api, code = summit.api, summit.guests["Alice"]["connect_code"]
    badge_url = f"/events/{summit.event_id}/badge"
    alice = api.headers(summit.people["Alice"])
    for host in ("evil.example", "evil.example:8000", "testserver.local.evil.example", ""):
        refused = api.client.get(badge_url, headers={**alice, "Host": host})
        assert refused.status_code == 400, host
        assert refused.headers["content-type"] == "application/problem+json"
        assert "does not answer to that host name" in refused.json()["detail"]
    assert api.client.get("/healthz", headers={"Host": "10.0.0.7:8000"}).status_code == 200
    for host in ("testserver.local", "127.0.0.1:8000", "localhost:8000", "[::1]:8000"):
        badge = assert_page(api.client.get(badge_url, headers={**alice, "Host": host}))
        assert f"http://127.0.0.1:8000/c/{code}" in badge and "testserver" not in badge
    shown = api.client.post(
        f"/api/v1/events/{summit.event_id}/attendees/{summit.people['Bob']}/sign-in-link",
        json={"command_id": "7d1f7b8e-4a2b-4c39-9a51-8f0f7f6c2d11"},
        headers=api.headers(summit.organizer))
    assert shown.status_code == 200, shown.text
    assert shown.json()["result"]["link"].startswith("http://127.0.0.1:8000/s#gwl_")


def test_allowed_hosts_may_name_subdomains_or_any():
    assert trusted(host_name("Door.Example.org:443"), ("*.example.org",))
    assert not trusted(host_name("example.org.evil.example"), ("*.example.org",))
    assert trusted(host_name("anything.example"), ("*",))
    assert not trusted(host_name(""), ("*",))  # no Host header at all
