"""The scan page in a real browser whose camera films a real QR code: a badge opens the
badge's page, any other QR is said to be no badge, and without scripts the typed code
does the same job."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from goodwill.http.core.assets import QR_DECODER
from tests.browser.camera import camera_args, write_video
from tests.browser.conftest import launch, open_phone
from tests.browser.test_journey import post_sign_in, sign_in

NATIVE_QR = ("async () => 'BarcodeDetector' in window"
             " && (await BarcodeDetector.getSupportedFormats()).includes('qr_code')")


@pytest.fixture
def filming(playwright, live_server, console, tmp_path):
    """Opens a phone, camera allowed, whose camera films a QR of the given text. Each gets
    its own Chromium: the fake camera's file is a launch flag."""
    browsers = []

    def open_filming(text: str):
        video = write_video(tmp_path / f"camera-{len(browsers)}.y4m", text)
        browsers.append(launch(playwright, *camera_args(video)))
        return open_phone(browsers[-1], live_server.url, console, permissions=["camera"])

    yield open_filming
    for browser in browsers:
        browser.close()


@pytest.mark.parametrize("reader", ["jsqr", "barcode-detector"])
def test_the_camera_reads_a_badge_and_opens_it(filming, live_server, console, reader):
    """jsQR is made to run by hiding the browser's own reader; the browser's reader runs
    where this Chromium has one that reads QR codes."""
    alice, bob = live_server.alice, live_server.bob
    context = filming(f"{live_server.url}/c/{alice.guest.connect_code}")
    if reader == "jsqr":
        context.add_init_script("delete window.BarcodeDetector;")
    page = sign_in(context, bob, live_server.url)
    if reader == "barcode-detector" and not page.evaluate(NATIVE_QR):
        pytest.skip("this Chromium has no BarcodeDetector that reads QR codes")
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.get_by_role("link", name="Scan", exact=True).click()
    expect(page).to_have_url(re.compile(f"/c/{alice.guest.connect_code}$"))
    expect(page.get_by_role("heading", name=alice.name)).to_be_visible()
    assert any(url.endswith("/scan") for url in fetched)
    assert (live_server.url + QR_DECODER in fetched) == (reader == "jsqr")
    assert not console


def test_a_qr_that_is_no_goodwill_badge_is_said_so_and_opens_nothing(
        filming, live_server, console, screenshot):
    """The path is a badge's, the site is not this one."""
    context = filming(f"https://example.org/c/{live_server.alice.guest.connect_code}")
    page = sign_in(context, live_server.bob, live_server.url)
    page.goto("/scan")
    expect(page.get_by_role("status")).to_contain_text("That is not a Goodwill badge")
    expect(page).to_have_url(re.compile(r"/scan$"))
    expect(page.get_by_label("Camera view")).to_be_visible()
    screenshot(page, "scan-camera")
    assert not console


def test_without_a_camera_the_page_says_so_and_points_to_the_form(phone, live_server,
                                                                  console):
    page = sign_in(phone(), live_server.bob, live_server.url)
    page.goto("/scan")
    expect(page.get_by_role("status")).to_contain_text(
        "Type or paste the code from the badge below instead.")
    expect(page.get_by_label("Camera view")).to_be_hidden()
    assert not console


def test_a_typed_code_opens_the_badge_with_scripts_off(phone, live_server, console,
                                                       screenshot):
    alice, bob = live_server.alice, live_server.bob
    context = phone(javascript=False)
    post_sign_in(context, bob, live_server.url)
    page = context.new_page()
    page.goto("/scan")
    field = page.get_by_label("Badge code or link")
    expect(field).to_be_focused()
    field.fill("not a badge")
    field.press("Enter")
    expect(page.get_by_role("alert")).to_have_text("That is not a Goodwill badge code or link.")
    expect(field).to_have_attribute("aria-invalid", "true")
    screenshot(page, "scan-typed")
    field.fill(alice.guest.connect_code)
    field.press("Enter")
    expect(page).to_have_url(re.compile(f"/c/{alice.guest.connect_code}$"))
    expect(page.get_by_role("heading", name=alice.name)).to_be_visible()
    assert [m for m in console if "status of 400" not in m] == [], "only the refused code"
