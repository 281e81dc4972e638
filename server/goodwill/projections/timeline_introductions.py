"""Introductions between me and one contact, read from my own timeline: only what I was
told. As one of the two introduced I know my own answer; as the introducer only how it
ended: connected, or not now."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from goodwill.database import Reader
from goodwill.projections.directory import names

Answers = dict[str, list[tuple[str, bool | None]]]
"""Per introduction, the entries on my timeline: (kind, accepted if it is my answer)."""


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


def seen(row: dict[str, Any], me: str, answers: list[tuple[str, Any]]) -> dict[str, Any]:
    detail, told = row["detail"], dict(answers)
    if row["kind"] == "introduced":
        introducer, invited, answer = me, detail["people"], None
    else:
        introducer, invited = detail["introducer"], [me, row["other_person_id"]]
        answer = told.get("introduction_answered")
    return {"introduction_id": row["subject_id"], "why": detail["why"],
            "introducer": introducer, "invited": invited, "my_answer": answer,
            "outcome": next((k.removeprefix("introduction_") for k in told if k in OUTCOMES),
                            None),
            "to_answer": introducer != me and answer is None}


OUTCOMES = ("introduction_connected", "introduction_not_now")


async def answered(db: Reader, me: str, introductions: list[str]) -> Answers:
    """Per introduction, what my timeline was told of it: my answer, or how it ended."""
    if not introductions:
        return {}
    rows = await db.fetch(
        "SELECT subject_id, kind, detail FROM timeline_entries WHERE person_id = ? AND kind IN"
        " ('introduction_answered', 'introduction_connected', 'introduction_not_now')"
        f" AND subject_id IN ({', '.join('?' * len(introductions))})", me, *introductions)
    found: Answers = {}
    for r in rows:
        found.setdefault(r["subject_id"], []).append(
            (r["kind"], json.loads(r["detail"]).get("accepted")))
    return found
