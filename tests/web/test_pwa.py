"""The app installs and works offline: a manifest with real icons, a worker for every page."""

import json
import re
import struct

from goodwill.http.core.assets import asset, digest, release
from goodwill.http.pages.pwa import PRECACHED
from tests.web.pages import assert_kept, assert_page, script_served

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


def test_the_worker_precaches_this_releases_files_and_keeps_them_by_content(summit):
    """The scripts by their content's URL (kept a year), the offline pages by their name;
    the cache is named after the release, so a new release drops the old files."""
    client = summit.api.client
    worker = client.get("/sw.js").text
    assets = json.loads(re.search(r"const ASSETS = (\[.*?\]);", worker)[1])
    assert assets == [asset(n) for n in PRECACHED] and asset("app.js") in assets
    shell = re.search(r"const SHELL_FILES = \[\.\.\.ASSETS, (.*?)\];", worker, re.DOTALL)[1]
    plain = re.findall(r'"(/static/[^"]+)"', shell)
    assert "/static/offline.html" in plain
    for url in assets:
        assert_kept(client, url)
    for url in plain:
        answer = client.get(url)
        assert answer.status_code == 200 and answer.headers["cache-control"] == "no-cache", url
    assert f'const SHELL = "shell-{release()}";' in worker
    assert 'url.pathname.startsWith("/assets/")' in worker and "respondWith(kept(event))" in worker


def test_a_file_of_another_release_or_outside_the_folder_is_not_found(summit):
    client = summit.api.client
    stale = asset("app.js").replace(digest("app.js"), "0" * 12)
    for url in (stale, f"/assets/{digest('app.js')}/../app.js", "/assets/x/../../README.md",
                f"/assets/{digest('app.js')}/nothing.js"):
        assert client.get(url).status_code == 404, url


def test_pages_are_asked_for_again_at_each_visit(summit):
    api = summit.api
    for path in ("/", f"/events/{summit.event_id}/badge", "/follow-ups"):
        answer = api.client.get(path, headers=api.headers(summit.people["Alice"]))
        assert answer.headers["cache-control"] == "no-cache", path


def test_the_layout_links_the_manifest_the_script_and_a_pending_indicator(summit):
    api = summit.api
    text = assert_page(api.client.get(f"/events/{summit.event_id}/badge",
                                      headers=api.headers(summit.people["Alice"])))
    assert '<link rel="manifest" href="/manifest.webmanifest">' in text
    script_served(api.client, text, "app.js")
    assert 'id="pending"' in text and 'aria-live="polite"' in text
    assert api.client.get("/static/app.js").status_code == 200
