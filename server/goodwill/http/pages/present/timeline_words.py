"""How the timeline page names each kind of entry, in words a person uses, and when it
happened on the clock of the event it happened at."""

from __future__ import annotations

from typing import Any

from goodwill.http.event_days import local

LABELS = {
    "connected": "Connected", "met_again": "Met again",
    "unconfirmed_connection": "Said we met (not confirmed)",
    "gave": "I gave", "received": "Received", "thanked_by_me": "I thanked",
    "thanked_me": "Thanked me", "accepted_my_introduction": "Accepted my introduction", "disputed_by_me": "I disputed", "disputed_me": "Disputed my give",
    "retracted": "Give retracted", "referral_outcome": "Referral outcome",
    "introduced": "I introduced two people", "was_introduced": "Introduced to",
    "introduction_answered": "Answered an introduction from",
    "introduction_connected": "My introduction connected them",
    "introduction_not_now": "My introduction: not now",
    "promised": "I promised", "was_promised": "Promised me", "promise_kept": "Promise kept",
    "promise_dropped": "Promise dropped", "promise_rescheduled": "Promise moved",
    "noted": "I noted", "checked_in": "Checked in", "checked_out": "Checked out"}


def worded(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry with its ``label`` and its ``when`` on the event's clock. An introduction's
    give is thanked by accepting the introduction, and its giver reads it so."""
    when = local(entry["at"], entry.get("timezone"))
    kind = entry["kind"]
    if kind == "thanked_me" and (entry.get("give") or {}).get("introduction_id"):
        kind = "accepted_my_introduction"
    return {**entry, "label": LABELS.get(kind, kind.replace("_", " ")),
            "when": f"{when:%Y-%m-%d %H:%M}"}
