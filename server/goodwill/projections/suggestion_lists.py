"""What to do next, for one person: whom to introduce to whom, whom to thank, whom to help
back, whom to follow up, each with its reason in one line, the dismissed ones left out. The
introductions are the suggestions read model's; the other three are the follow-up lists,
each with what the other person needs, as I noted it or as they declared it."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from itertools import chain, zip_longest
from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.projections import followup_lists as lists
from goodwill.projections.directory import names

Suggestion = dict[str, Any]
WEIGHED = 200
"""Introductions weighed for order, taken best matched first: a person with a thousand
notes has a few thousand, and only the first screenful is read."""
HALF_LIFE_DAYS = 30
"""A need noted a month ago weighs half what it did: people move on."""
LINE = 90
"""A quoted need or offer is cut to this many characters: a reason is one line."""

INTRODUCTIONS = (
    "SELECT s.need_id, s.attendee_id, s.about, s.offerer, s.rank, n.text AS need,"
    " n.noted_at, n.conference_id, a.offers AS offer, (SELECT count(*) FROM suggestion_gives g"
    " WHERE g.giver = s.about AND g.retracted = 0) + (SELECT count(*) FROM suggestion_gives g"
    " WHERE g.giver = s.offerer AND g.retracted = 0) AS given"
    " FROM suggested_introductions s JOIN suggestion_needs n ON n.need_id = s.need_id"
    " JOIN suggestion_attendees a ON a.attendee_id = s.attendee_id WHERE s.owner = ?")
"""Introductions suggested to one person, each with its need, offer and the two's gives."""



async def suggestions(db: Reader, person_id: UUID, now: datetime | None = None
                      ) -> list[Suggestion]:
    """Every suggestion for ``person_id``, the kinds taken in turn so the first three show
    one of each; introductions by how well they match, how recent the need is and how much
    the two have given."""
    me = str(person_id)
    scope = lists.Scope(db, me, None)
    helped, met = await lists.not_helped_back(scope), await lists.met_without_follow_up(scope)
    needs = await needs_about(db, me, {r["other_id"] for r in chain(helped, met)})
    kinds = [
        introductions(await db.fetch(f"{INTRODUCTIONS} ORDER BY s.rank DESC, s.need_id,"
                                     " s.attendee_id LIMIT ?", me, WEIGHED),
                      now or datetime.now(timezone.utc)),
        [suggestion("thank", r["other_id"], r["give_id"], said(r["kind"], r["note"]),
                    give_id=r["give_id"], gift=r["kind"], note=cut(r["note"]))
         for r in await lists.thanks_to_send(scope)],
        [suggestion("help_back", r["other_id"], r["other_id"],
                    f"Gave you {r['gives']}{needing(needs, r['other_id'])}", gives=r["gives"],
                    **needs.get(r["other_id"], {})) for r in helped],
        [suggestion("follow_up", r["other_id"], r["other_id"],
                    f"Met, nothing since{needing(needs, r['other_id'])}",
                    **needs.get(r["other_id"], {})) for r in met],
    ]
    dismissed = {r["suggestion"] for r in await db.fetch(
        "SELECT suggestion FROM suggestion_dismissals WHERE person_id = ?", me)}
    found: list[Suggestion] = []
    for s in chain.from_iterable(zip_longest(*kinds)):
        if s is not None and s["key"] not in dismissed:  # a contact met at two events: once
            dismissed.add(s["key"])
            found.append(s)
    called = await names(db, {s[who] for s in found for who in ("person_id", "other_id")
                              if s.get(who)})
    return [named(s, called) for s in found]


async def introduction(db: Reader, person_id: UUID, key: str) -> Suggestion | None:
    """One introduction suggested to ``person_id``, by its key, with both names."""
    kind, _, ids = key.partition(":")
    need_id, _, attendee_id = ids.rpartition(":")
    rows = await db.fetch(f"{INTRODUCTIONS} AND s.need_id = ? AND s.attendee_id = ?",
                          str(person_id), need_id, attendee_id) if kind == "introduce" else []
    found = introductions(rows, datetime.now(timezone.utc))
    called = await names(db, {p for s in found for p in (s["person_id"], s["other_id"])})
    return next((named(s, called) for s in found), None)


def introductions(rows: list[dict[str, Any]], now: datetime) -> list[Suggestion]:
    def weight(row: dict[str, Any]) -> float:
        noted = datetime.fromisoformat(row["noted_at"].replace("Z", "+00:00"))
        age = max((now - noted).total_seconds() / 86400, 0)
        return row["rank"] * 0.5 ** (age / HALF_LIFE_DAYS) * (1 + math.log1p(row["given"]))
    return [suggestion("introduce", r["about"], f"{r['need_id']}:{r['attendee_id']}",
                       f"Needs “{cut(r['need'])}”; offers “{cut(r['offer'])}”",
                       other_id=r["offerer"], conference_id=r["conference_id"],
                       need=cut(r["need"]), offer=cut(r["offer"]))
            for r in sorted(rows, key=weight, reverse=True)]


async def needs_about(db: Reader, me: str, people: set[str]) -> dict[str, dict[str, Any]]:
    """What each of ``people`` needs, by my latest note or their declared need, and whether
    what I offer answers it."""
    if not people:
        return {}
    rows = await db.fetch("SELECT about, text, owner_offers FROM suggestion_needs"
                          f" WHERE owner = ? AND about IN ({', '.join('?' * len(people))})"
                          " ORDER BY noted_at", me, *people)
    return {r["about"]: {"need": cut(r["text"]), "yours": bool(r["owner_offers"])}
            for r in rows}


def suggestion(kind: str, person_id: str, subject: str, reason: str,
               **more: Any) -> Suggestion:
    return {"key": f"{kind}:{subject}", "kind": kind, "person_id": person_id,
            "reason": reason, **more}


def named(s: Suggestion, called: dict[str, str]) -> Suggestion:
    return {**s, "name": called.get(s["person_id"], "Someone"),
            **({"other_name": called.get(s["other_id"], "Someone")} if "other_id" in s else {})}


def needing(needs: dict[str, dict[str, Any]], person: str) -> str:
    if person not in needs:
        return ""
    found = needs[person]
    return f"; needs “{found['need']}”" + (", which you offer" if found["yours"] else "")


def said(kind: str, note: str) -> str:
    return f"A {kind.replace('_', ' ')}" + (f": “{cut(note)}”" if note else "")


def cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LINE else text[:LINE - 1].rstrip() + "…"
