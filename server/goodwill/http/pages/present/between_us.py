"""What passed between me and one contact, as their page shows it: whether we are connected
and where, what we gave each other with the answers each give takes from me, introductions,
my notes and our promises. The contact page renders it, and a give's page settles a
thank-you on it."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from goodwill.domain.errors import NotFoundError
from goodwill.domain.give import KINDS, NEXT_OUTCOMES
from goodwill.domain.note import NOTE_KINDS
from goodwill.http.core.markers import Reads
from goodwill.http.pages.forms.common import View
from goodwill.projections import ledger, roster, timeline, timeline_introductions

ACTIONS = ("gave", "received", "note", "promise")
LATEST_GIVES = 4
"""The ledger lists the latest gives only, so the page stays small (a phone screen, an 8 KB
fragment with promises to close) however much passed between us; the counts cover all of
them, and the rest are on my timeline."""


async def shared_event(reader: Reads, actor: UUID, other: UUID) -> dict[str, Any]:
    """The latest event we both attend, where what the forms record happens."""
    rows = await roster.shared_events(reader, actor, other)
    if not rows or not await roster.connected(reader, actor, other):
        raise NotFoundError("You are not connected with this person.")
    return rows[-1]


def offered(give: dict[str, Any], actor: UUID) -> tuple[str, ...]:
    """The answers the domain would take from ``actor`` on this give: only those are offered.
    A retraction only until the receiver thanks it, though the domain would take it later."""
    if give["retracted"]:
        return ()
    if give["giver"] == str(actor):
        return ("retract",) if give["status"] != "thanked" else ()
    thanks = () if give["introduction_id"] else ("thank",)  # accepted instead
    pending = (*thanks, "dispute") if give["status"] == "pending" else ()
    return pending + (("outcome",) if give["outcome"] in NEXT_OUTCOMES else ())


def answerable(give: dict[str, Any], actor: UUID) -> dict[str, Any]:
    return {**give, "answers": offered(give, actor), "command_id": uuid4()}


async def sections(reader: Reads, actor: UUID, other: UUID) -> dict[str, Any]:
    """Everything the page shows, with a fresh command id for each form."""
    them = await shared_event(reader, actor, other)
    pair = await ledger.pair_ledger(reader, actor, other)
    introductions = await timeline_introductions.between(reader, actor, other)
    return {"person_id": other, "me": str(actor), "them": them,
            "ledger": {**pair, "earlier": len(pair["gives"][LATEST_GIVES:]), "gives": [
                answerable(g, actor) for g in pair["gives"][:LATEST_GIVES]]},
            "introductions": [{**i, "command_id": uuid4()} for i in introductions],
            "notes": await timeline.about(reader, actor, other, ("noted",)),
            "promises": [{**p, "command_id": uuid4()}
                         for p in await timeline.promises_between(reader, actor, other)],
            "ids": {action: uuid4() for action in ACTIONS}, "give_kinds": KINDS,
            "note_kinds": NOTE_KINDS, "errors": {}, "values": {}}


def contact_view(reader: Reads, actor: UUID, other: UUID) -> View:
    return View(f"/contacts/{other}", "attendee/contact.html", "attendee/_contact.html",
                lambda: sections(reader, actor, other))
