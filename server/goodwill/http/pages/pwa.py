"""What makes the site an installable app: its manifest and its service worker.

Both are served from the root, not /static: a worker controls only the pages under the
folder it is served from, and it must control every page to keep them readable offline.
"""

from __future__ import annotations

import json
from functools import cache

from litestar import get
from litestar.response import Response

from goodwill.http.core.assets import STATIC, asset, release

MANIFEST = {
    "name": "Goodwill", "short_name": "Goodwill", "start_url": "/", "scope": "/",
    "display": "standalone", "theme_color": "#1b1b1f", "background_color": "#fbfaf7",
    "icons": [{"src": f"/static/icons/icon-{size}.png", "sizes": f"{size}x{size}",
               "type": "image/png"} for size in (192, 512)],
}


@get("/manifest.webmanifest", include_in_schema=False,
     media_type="application/manifest+json")
async def manifest() -> dict:
    return MANIFEST


PRECACHED = ("vendor/htmx/htmx-2.0.11.min.js", "app.js", "icons/icon-192.png", "qr-reader.js",
             "scan.js")
"""What every attendee's pages load, kept at install so even the first offline visit has it."""
RELEASE_MARK = 'const ASSETS = [];\nconst SHELL = "shell";'


@cache
def worker_source() -> str:
    """sw.js with this release's asset URLs, and a shell cache named after the release: a
    change to any static file is a new worker, which keeps the new files."""
    source = (STATIC / "sw.js").read_text()
    if RELEASE_MARK not in source:
        raise RuntimeError("sw.js must declare ASSETS and SHELL as the server fills them in")
    return source.replace(RELEASE_MARK,
                          f"const ASSETS = {json.dumps([asset(n) for n in PRECACHED])};\n"
                          f'const SHELL = "shell-{release()}";')


@get("/sw.js", include_in_schema=False)
async def service_worker() -> Response[str]:
    """``no-cache``: the browser asks again each time, so a new release reaches every phone
    at its next visit instead of after a day of the old worker."""
    return Response(worker_source(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "no-cache"})


HANDLERS = [manifest, service_worker]
