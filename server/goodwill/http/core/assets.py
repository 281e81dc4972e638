"""Static files as pages ask for them: scripts and pictures under a URL that names their
content (``/assets/<digest>/app.js``), kept by browsers and the service worker for a year
and never asked about again; stylesheets inlined in the page, so it paints with no second
round trip on a crowded hall's Wi-Fi. A release changes the digests, so nobody keeps an
old file by mistake.

``/static/`` still serves every file under its plain name, revalidated on each use, for
what cannot carry a digest: the offline pages the worker keeps and the manifest's icons.
"""

from __future__ import annotations

import base64
import hashlib
import mimetypes
import re
from functools import cache
from pathlib import Path

from litestar import get
from litestar.exceptions import NotFoundException
from litestar.params import FromPath
from litestar.response import File
from markupsafe import Markup

STATIC = Path(__file__).resolve().parents[4] / "web" / "static"
KEPT = {"Cache-Control": "public, max-age=31536000, immutable"}
STYLESHEETS = ("app.css", "organize.css", "desk.css", "badges.css", "paper-a4.css",
               "paper-letter.css")
"""Every stylesheet a page inlines; the CSP lets exactly these run."""


@cache
def digest(name: str) -> str:
    """The file's content, in 12 hex digits; KeyError for a file that is not there."""
    path = STATIC / name
    if not path.is_file() or STATIC not in path.resolve().parents:
        raise KeyError(name)
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


@cache
def release() -> str:
    """Every static file's content, in 12 hex digits."""
    files = sorted(p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*") if p.is_file())
    return hashlib.sha256(" ".join(f"{n}:{digest(n)}" for n in files).encode()).hexdigest()[:12]


def asset(name: str) -> str:
    """``{{ asset("app.js") }}``: the URL that names this release's ``web/static/app.js``."""
    return f"/assets/{digest(name)}/{name}"


def module(name: str) -> str:
    """``{{ module("js/desk/main.js") }}``: an ES module's URL under the whole release's
    digest, not its own, so its relative imports (``./queue.js``) resolve to files of the
    same release; a change to any static file is a new URL for every module."""
    digest(name)  # KeyError for a file that is not there, as asset() raises
    return f"/assets/{release()}/{name}"


@cache
def modules(folder: str) -> tuple[str, ...]:
    """``module()`` for every script under ``web/static/<folder>``: what a page preloads
    so the browser asks for them all at once, not import after import."""
    return tuple(module(p.relative_to(STATIC).as_posix())
                 for p in sorted((STATIC / folder).rglob("*.js")))


@cache
def stylesheet(name: str) -> Markup:
    """``<style>{{ stylesheet("app.css") }}</style>``: the file's rules without its comments
    or spare spaces (every page carries them), exactly as the CSP hashed them."""
    css = re.sub(r"/\*.*?\*/", "", (STATIC / name).read_text(), flags=re.DOTALL)
    return Markup(re.sub(r"\s*([{};,>])\s*", r"\1", re.sub(r"\s+", " ", css)).strip())


def style_sources() -> str:
    """The CSP's ``style-src`` hashes: the inlined stylesheets and nothing else."""
    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(stylesheet(n).encode()).digest()).decode()
        + "'" for n in STYLESHEETS)


@get("/assets/{digest_shown:str}/{file_path:path}", include_in_schema=False)
async def kept_asset(digest_shown: FromPath[str], file_path: FromPath[str]) -> File:
    """Only this release's content answers, under the file's digest or the release's (for
    modules, see ``module()``): an old digest is a 404, never today's file kept for a year
    under yesterday's name."""
    name = file_path.lstrip("/")
    try:
        if digest_shown not in (digest(name), release()):
            raise KeyError(name)
    except KeyError:
        raise NotFoundException(detail="There is no such file in this release.") from None
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if media_type.startswith("text/"):
        media_type += "; charset=utf-8"
    return File(STATIC / name, media_type=media_type, content_disposition_type="inline",
                headers=KEPT)


def with_assets(engine) -> None:
    """Pages name static files through these, never by a literal ``/static/`` path."""
    engine.engine.globals.update(asset=asset, module=module, modules=modules,
                                  stylesheet=stylesheet)


QR_DECODER = asset("vendor/jsqr/jsQR-1.4.0.js")
"""The script that reads QR codes from the camera for browsers without a QR-reading
BarcodeDetector: the scanner and the desk fetch it only then."""
