"""What every page must be: sent with the CSP, and nothing in it that the CSP would block."""

from __future__ import annotations

import re

import httpx

from goodwill.http.defenses import CSP
from goodwill.http.identity import CSRF_HEADER

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle\s*=", re.IGNORECASE)


def assert_page(response: httpx.Response, status: int = 200) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert not INLINE_SCRIPT.search(response.text), "inline script"
    assert not STYLE_ATTRIBUTE.search(response.text), "style attribute"
    assert "<style" not in response.text
    return response.text


def browser(headers: dict[str, str]) -> dict[str, str]:
    """A browser sends the cookies but, posting a form, no CSRF header: the field must do."""
    return {k: v for k, v in headers.items() if k != CSRF_HEADER}

