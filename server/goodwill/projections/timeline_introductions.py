"""Introductions between me and one contact, read from my own timeline: only what I was
told. An answer is written to the answerer's and the introducer's timelines, so as the
introducer I know both answers, and as one of the two introduced only my own."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.projections.directory import names

Answers = dict[str, list[tuple[str, bool]]]
"""Per introduction, the answers on my timeline: (whom the entry names, accepted)."""


def involves(row: dict[str, Any], other: str) -> bool:
    """Made by me with them in it, made by them for me, or made by anyone between us."""
    detail = row["detail"]
    if row["kind"] == "introduced":
        return other in detail["people"]
    return other in (row["other_person_id"], detail["introducer"])


async def between(db: Reader, person_id: UUID, other_id: UUID) -> list[dict[str, Any]]:
    """Newest first, each with who made it, the two introduced, the answers I know of, whether
    mine is awaited, and everyone's name."""
    me, other = str(person_id), str(other_id)
    rows = await db.fetch(
        "SELECT subject_id, kind, other_person_id, detail FROM timeline_entries"
        " WHERE person_id = ? AND kind IN ('introduced', 'was_introduced')"
        " AND (other_person_id = ? OR detail LIKE ?) ORDER BY at DESC, entry_id DESC",
        me, other, f"%{other}%")
    made = [r for r in ({**r, "detail": json.loads(r["detail"])} for r in rows)
            if involves(r, other)]
    answers = await answered(db, me, [r["subject_id"] for r in made])
    found = [seen(r, me, answers.get(r["subject_id"], [])) for r in made]
    named = await names(db, {p for i in found for p in (i["introducer"], *i["invited"])})
    return [{**i, "names": named} for i in found]


def seen(row: dict[str, Any], me: str, answers: list[tuple[str, bool]]) -> dict[str, Any]:
    detail = row["detail"]
    if row["kind"] == "introduced":
        introducer, invited, answerers = me, detail["people"], dict(answers)
    else:
        introducer, invited = detail["introducer"], [me, row["other_person_id"]]
        answerers = {me: accepted for _, accepted in answers}
    return {"introduction_id": row["subject_id"], "why": detail["why"],
            "introducer": introducer, "invited": invited, "answers": answerers,
            "to_answer": introducer != me and me not in answerers}


async def answered(db: Reader, me: str, introductions: list[str]) -> Answers:
    if not introductions:
        return {}
    rows = await db.fetch(
        "SELECT subject_id, other_person_id, detail FROM timeline_entries WHERE person_id = ?"
        " AND kind = 'introduction_answered'"
        f" AND subject_id IN ({', '.join('?' * len(introductions))})", me, *introductions)
    found: Answers = {}
    for r in rows:
        found.setdefault(r["subject_id"], []).append(
            (r["other_person_id"], json.loads(r["detail"])["accepted"]))
    return found
