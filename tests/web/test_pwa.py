"""The app installs and works offline: a manifest with real icons, a worker for every page."""

import struct

from tests.web.pages import assert_page

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_manifest_names_the_app_and_its_icons_are_real_pngs(summit):
    client = summit.api.client
    answer = client.get("/manifest.webmanifest")
    assert answer.headers["content-type"].startswith("application/manifest+json")
    manifest = answer.json()
    assert manifest["name"] == manifest["short_name"] == "Goodwill"
    assert (manifest["start_url"], manifest["display"]) == ("/", "standalone")
    assert manifest["theme_color"].startswith("#") and manifest["background_color"]
    for icon in manifest["icons"]:
        png = client.get(icon["src"])
        assert png.status_code == 200 and png.content.startswith(PNG_SIGNATURE)
        assert png.content[12:16] == b"IHDR"
        width, height = struct.unpack(">II", png.content[16:24])
        assert f"{width}x{height}" == icon["sizes"]
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_the_worker_is_served_from_the_root_and_never_cached_stale(summit):
    answer = summit.api.client.get("/sw.js")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/javascript")
    assert answer.headers["cache-control"] == "no-cache"
    assert 'addEventListener("sync"' in answer.text and "command_id" in answer.text


def test_the_worker_precaches_only_files_that_exist(summit):
    client = summit.api.client
    worker = client.get("/sw.js").text
    shell = worker[worker.index("SHELL_FILES = ["):worker.index("];")]
    files = [part.split('"')[0] for part in shell.split('"/')[1:]]
    assert "static/offline.html" in files and "static/app.js" in files
    for path in files:
        assert client.get("/" + path).status_code == 200, path


def test_the_layout_links_the_manifest_the_script_and_a_pending_indicator(summit):
    api = summit.api
    text = assert_page(api.client.get(f"/events/{summit.event_id}/badge",
                                      headers=api.headers(summit.people["Alice"])))
    assert '<link rel="manifest" href="/manifest.webmanifest">' in text
    assert '<script src="/static/app.js" defer></script>' in text
    assert 'id="pending"' in text and 'aria-live="polite"' in text
    assert api.client.get("/static/app.js").status_code == 200
