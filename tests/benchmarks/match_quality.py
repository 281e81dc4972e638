"""``make match-quality``: how well a need finds the offers that answer it, on both stores.

Reads the labelled set (tests/data/matching/needs_and_offers.json: a need is answered by the
offers of its topic, by nobody's of another, and a distractor answers no need), puts every
offer into a fresh :class:`~goodwill.matching.TextIndex` on SQLite and on PostgreSQL, asks
each need for its ten best, and prints precision@5 and recall@10 per store. Exits 1 when
precision@5 is below the bar on either store.

Run: python -m tests.benchmarks.match_quality
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from goodwill.database import PostgresTx, SqliteTx, Tx
from goodwill.matching import TextIndex
from tests.benchmarks.bench import POSTGRES_URL

LABELLED = Path(__file__).resolve().parents[1] / "data" / "matching" / "needs_and_offers.json"
BAR = 0.6
"""Precision@5 below this fails the run."""
SCOPE = "labelled-event"
INDEX = TextIndex("offer_texts")


@dataclass(frozen=True)
class Quality:
    precision_at_5: float
    recall_at_10: float
    unmatched: int
    """Needs for which no offer at all was found."""


def measure(tx: Tx, labelled: dict) -> Quality:
    INDEX.create(tx)
    for offer in labelled["offers"]:
        INDEX.put(tx, offer["id"], SCOPE, offer["text"])
    answers = {topic: {o["id"] for o in labelled["offers"] if o["topic"] == topic}
               for topic in labelled["topics"]}
    precision = recall = 0.0
    unmatched = 0
    for need in labelled["needs"]:
        found = [text_id for text_id, _ in INDEX.best(tx, SCOPE, need["text"], 10)]
        relevant = answers[need["topic"]]
        precision += len(relevant & set(found[:5])) / 5
        recall += len(relevant & set(found)) / len(relevant)
        unmatched += not found
    needs = len(labelled["needs"])
    return Quality(precision / needs, recall / needs, unmatched)


@contextmanager
def on_sqlite() -> Iterator[Tx]:
    with tempfile.TemporaryDirectory() as folder:
        conn = sqlite3.connect(Path(folder) / "match.db")
        try:
            yield SqliteTx(conn)
        finally:
            conn.close()


@contextmanager
def on_postgres() -> Iterator[Tx]:
    schema = f"match_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
        conn.execute(f'SET search_path = "{schema}"')
        try:
            with conn.transaction():
                yield PostgresTx(conn)
        finally:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


STORES: dict[str, Callable[[], AbstractContextManager[Tx]]] = {
    "sqlite": on_sqlite, "postgresql": on_postgres}


def main() -> int:
    labelled = json.loads(LABELLED.read_text())
    pairs = sum(1 for need in labelled["needs"] for offer in labelled["offers"]
                if offer["topic"] == need["topic"])
    print(f"{len(labelled['needs'])} needs, {len(labelled['offers'])} offers"
          f" ({sum(o['topic'] == 'none' for o in labelled['offers'])} distractors),"
          f" {pairs:,} need-offer pairs answered, {len(labelled['topics'])} topics\n")
    print("| store | precision@5 | recall@10 | needs with no offer found |")
    print("| --- | ---: | ---: | ---: |")
    failed = False
    for store, opened in STORES.items():
        with opened() as tx:
            quality = measure(tx, labelled)
        print(f"| {store} | {quality.precision_at_5:.3f} | {quality.recall_at_10:.3f} |"
              f" {quality.unmatched} |")
        failed |= quality.precision_at_5 < BAR
    print(f"\nThe bar: precision@5 at least {BAR} on each store"
          f" ({'missed' if failed else 'met'}).")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
