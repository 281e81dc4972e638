"""What every page must be (sent with the CSP, nothing in it that the CSP would block), and
its forms read as a browser would send them."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import httpx

from goodwill.http.core.assets import asset, stylesheet
from goodwill.http.core.defenses import CSP
from goodwill.http.core.identity import CSRF_HEADER

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)


def style_hash(css: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


def assert_page(response: httpx.Response, status: int = 200) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert not INLINE_SCRIPT.search(response.text), "inline script"
    assert not STYLE_ATTRIBUTE.search(response.text), "style attribute"
    assert all(style_hash(css) in CSP for css in STYLE.findall(response.text)), \
        "an inline style the CSP does not name"
    return response.text


def button_labels(page: str) -> list[str]:
    """Each button's words, as a person reads them."""
    return [" ".join(re.sub(r"<[^>]+>", "", label).split())
            for label in re.findall(r"<button[^>]*>(.*?)</button>", page, re.DOTALL)]


def assert_buttons_differ(page: str) -> None:
    """No two buttons on a page say the same: each says what it acts on."""
    labels = button_labels(page)
    assert len(labels) == len(set(labels)), sorted(labels)


def browser(headers: dict[str, str]) -> dict[str, str]:
    """A browser sends the cookies but, posting a form, no CSRF header: the field must do."""
    return {k: v for k, v in headers.items() if k != CSRF_HEADER}



class Forms(HTMLParser):
    """The page's forms as a browser would send them: action, hidden fields and buttons."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form":
            self.found.append({"action": a.get("action"), "fields": {}, "buttons": []})
        elif tag == "input" and a.get("type") == "hidden" and self.found:
            self.found[-1]["fields"][a["name"]] = a.get("value", "")
        elif tag == "button" and a.get("name") and self.found:
            self.found[-1]["buttons"].append((a["name"], a.get("value", "")))


def forms_to(page: str, action: str, button: tuple[str, str] | None = None) -> list[dict]:
    """The forms posting to ``action`` that have ``button`` (name, value)."""
    parser = Forms()
    parser.feed(page)
    return [f for f in parser.found
            if f["action"] == action and (button is None or button in f["buttons"])]


def form_to(page: str, action: str, button: tuple[str, str] | None = None) -> dict[str, str]:
    """What the one form posting to ``action`` sends when ``button`` is pressed."""
    found = forms_to(page, action, button)
    assert len(found) == 1, f"{len(found)} forms to {action} with {button}"
    return {**found[0]["fields"], **dict([button] if button else [])}


def script_served(client: httpx.Client, page: str, name: str) -> None:
    """The page loads ``web/static/<name>`` by its content's URL, which answers for a year."""
    url = asset(name)
    assert f'<script src="{url}" defer></script>' in page, name
    assert_kept(client, url)


def assert_kept(client: httpx.Client, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 200, url
    assert answer.headers["cache-control"] == "public, max-age=31536000, immutable"


def inlined(page: str, name: str) -> bool:
    """The page carries ``web/static/<name>`` in a ``<style>`` of its own."""
    return stylesheet(name) in STYLE.findall(page) and "{" in stylesheet(name)
