"""A door device's token is shown to the organizer who invites it and works for whatever uses
it first, a browser (as a link) or a scanner (as a bearer token); after that it is never
shown again and can only be revoked."""

from __future__ import annotations

import uuid

from tests.http.test_devices import as_device, scan

USED = "This device link was already used"


def invite(summit, command_id: str) -> dict:
    return summit.api.do(summit.organizer, f"/events/{summit.event_id}/devices",
                         command_id=command_id, label="Door 2")


def open_link(summit, token: str, html: bool = False):
    headers = {"Accept": "text/html"} if html else {}
    opened = summit.api.client.post("/s", data={"token": token}, headers=headers,
                                    follow_redirects=False)
    cookies = dict(opened.cookies)
    summit.api.client.cookies.clear()
    return opened, {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}


def test_a_browser_that_opens_the_link_first_is_the_device_and_nobody_else(summit):
    command = str(uuid.uuid4())
    device = invite(summit, command)
    assert invite(summit, command)["token"] == device["token"], "shown again while unused"
    opened, door = open_link(summit, device["token"])
    assert opened.status_code == 303
    again, _ = open_link(summit, device["token"])
    assert again.status_code == 401 and again.json()["detail"].startswith(USED)
    page, _ = open_link(summit, device["token"], html=True)
    assert page.status_code == 401 and "invite this device" in page.text
    assert scan(summit, device["token"], summit.event_id).status_code == 401
    assert "token" not in invite(summit, command), "the replay shows it no more"
    desk = summit.api.client.get(f"/api/v1/events/{summit.event_id}/check-ins", headers=door)
    assert desk.status_code == 200, "the browser that opened it goes on"


def test_a_scanner_that_sends_the_token_first_keeps_it_and_no_browser_can_open_it(summit):
    command = str(uuid.uuid4())
    device = invite(summit, command)
    assert scan(summit, device["token"], summit.event_id).status_code == 200
    opened, _ = open_link(summit, device["token"])
    assert opened.status_code == 401 and opened.json()["detail"].startswith(USED)
    assert "token" not in invite(summit, command)
    assert scan(summit, device["token"], summit.event_id, "Bob").status_code == 200


def test_revoking_a_device_ends_its_browser_session(summit):
    device = invite(summit, str(uuid.uuid4()))
    _, door = open_link(summit, device["token"])
    summit.api.do(summit.organizer,
                  f"/events/{summit.event_id}/devices/{device['device_id']}/revoke")
    ended = summit.api.client.get(f"/api/v1/events/{summit.event_id}/check-ins",
                                  headers=as_device(device["token"]) | {"Cookie": ""})
    assert ended.status_code == 401
    after = summit.api.client.get(f"/api/v1/events/{summit.event_id}/check-ins", headers=door)
    assert after.status_code == 401
