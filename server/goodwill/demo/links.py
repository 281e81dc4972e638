"""Sign-in links for the demo's people, so a newcomer can open the app as any of them."""

from __future__ import annotations

from uuid import UUID

from goodwill.application import Goodwill
from goodwill.application.core import SYSTEM_ACTOR
from goodwill.domain.ids import derived
from goodwill.settings import Settings
from goodwill.tokens import SIGN_IN_LINK, Keys


def sign_in_links(app: Goodwill, settings: Settings, people: dict[str, UUID]) -> list[str]:
    """One line per person: their name and their personal link (the same link every time:
    the command ids are derived, and so is the token)."""
    settings = settings.with_secret_key()
    keys = Keys(settings.secret_key)
    base = settings.site_url
    lines = []
    for name, person in people.items():
        issued = app.issue_sign_in_link(SYSTEM_ACTOR, derived("demo-link", person), person)
        token = keys.token(SIGN_IN_LINK, issued.result["credential_id"])
        lines.append(f"  {name:<20} {base}/s#{token}")
    return lines
