"""Matching what one person needs with what others offer, by the database's own text search:
PostgreSQL's ``tsvector`` ranked by ``ts_rank_cd``, SQLite's FTS5 ranked by ``bm25``. Both
fold case and accents and stem English (Snowball ``english`` and FTS5's porter); other
languages are matched word for word, unstemmed.

A need is a sentence, not a query: its words, and the words people use for the same help
(:mod:`goodwill.vocabulary`), are asked for with OR, so an offer that shares any of them
is found, and the ranking puts the offers that share the most first (SQLite's ``bm25`` also
weighs rarer words more; PostgreSQL's ``ts_rank_cd`` counts them alike, and ranks a little
worse for it: ``make match-quality``). Words that say nothing (``looking``, ``help``,
``anyone``…) are left out on both stores, so both rank on the same words. One query shape,
here alone: callers hold a :class:`TextIndex` and run what it gives them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goodwill.database import PostgresTx, Tx
from goodwill.vocabulary import rings

RINGS = rings()

WORD = re.compile(r"[^\W_]+")
"""Letters and digits: an apostrophe ends a word, and what follows (``’s``, ``’m``) is
too short to be searched for."""
FILLER = frozenset("""
a about after all also am an and any anybody anyone are as at be been but by can could do
does for from get got have having help helping here how i if in into is it its just know
let like look looking me more my need needed needs of on one or our out over please really
seek seeking so some somebody someone such than that the their them then there these they
this those to too up us very want wanted wants was we were what when where which who will
with would you your
""".split())
"""Words of asking and helping, and English stop words: on both stores alike."""
UNACCENT = "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public"
"""``unaccent`` is a trusted extension (PostgreSQL 13 and later): the store's own role may
create it. It lives in ``public``, shared by every store in the database."""


def words(text: str) -> list[str]:
    """The words of ``text`` worth searching for, lower case, each once, in order."""
    seen: dict[str, None] = {}
    for word in WORD.findall(text.lower()):
        if word not in FILLER and (len(word) > 1 or word.isdigit()):
            seen.setdefault(word, None)
    return list(seen)


def asked(need: str) -> list[str]:
    """A need's words, then the other words of their rings in :mod:`goodwill.vocabulary`."""
    said = words(need)
    rings = (RINGS.get(form, ()) for word in said for form in forms(word))
    return list(dict.fromkeys([*said, *(word for ring in rings for word in sorted(ring))]))


def forms(word: str) -> tuple[str, ...]:
    """The word and what it may be a plural or a verb form of: enough to find its ring."""
    return (word, *(word[:-len(end)] for end in ("s", "es", "ing", "ed", "ers")
                    if word.endswith(end) and len(word) > len(end) + 2))


@dataclass(frozen=True)
class TextIndex:
    """A table of texts, each with an id and the scope it is searched within (an event)."""

    table: str

    def create(self, tx: Tx) -> None:
        if isinstance(tx, PostgresTx):
            tx.execute("SELECT pg_advisory_xact_lock(hashtext('goodwill unaccent'))")
            tx.execute(UNACCENT)
            tx.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (text_id TEXT PRIMARY KEY,"
                       " scope TEXT NOT NULL, body TEXT NOT NULL, terms tsvector NOT NULL)")
            tx.execute(f"CREATE INDEX IF NOT EXISTS {self.table}_terms ON {self.table}"
                       " USING gin (terms)")
            return
        tx.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.table} USING fts5(text_id"
                   " UNINDEXED, scope UNINDEXED, body,"
                   " tokenize = 'porter unicode61 remove_diacritics 2')")

    def drop(self, tx: Tx) -> None:
        tx.execute(f"DROP TABLE IF EXISTS {self.table}")

    def put(self, tx: Tx, text_id: str, scope: str, body: str) -> None:
        self.remove(tx, text_id)
        if isinstance(tx, PostgresTx):
            tx.execute(f"INSERT INTO {self.table} VALUES (?, ?, ?,"
                       " to_tsvector('english', public.unaccent(?)))",
                       (text_id, scope, body, body))
        else:
            tx.execute(f"INSERT INTO {self.table} (text_id, scope, body) VALUES (?, ?, ?)",
                       (text_id, scope, body))

    def change(self, tx: Tx, text_id: str, body: str) -> None:
        """A text's new words, in the scope it has."""
        if isinstance(tx, PostgresTx):
            tx.execute(f"UPDATE {self.table} SET body = ?,"
                       " terms = to_tsvector('english', public.unaccent(?)) WHERE text_id = ?",
                       (body, body, text_id))
        else:
            tx.execute(f"UPDATE {self.table} SET body = ? WHERE text_id = ?", (body, text_id))

    def remove(self, tx: Tx, text_id: str) -> None:
        tx.execute(f"DELETE FROM {self.table} WHERE text_id = ?", (text_id,))

    def removed_for_good(self, tx: Tx) -> None:
        """After removing a forgotten person's texts: SQLite's index keeps a removed text's
        words in its segments until they are merged, so they are merged now."""
        if not isinstance(tx, PostgresTx):
            tx.execute(f"INSERT INTO {self.table} ({self.table}) VALUES ('optimize')")

    def matching(self, is_postgres: bool, scope: str, need: str,
                 limit: int) -> tuple[str, tuple[object, ...]] | None:
        """The query (``?`` placeholders) for the texts in ``scope`` that match ``need``,
        best first, as rows of ``text_id`` and ``rank`` (higher is better); ``None`` when
        the need has no word worth searching for."""
        terms = asked(need)
        if not terms:
            return None
        if is_postgres:
            return (f"SELECT text_id, ts_rank_cd(terms, q) AS rank FROM {self.table},"
                    " websearch_to_tsquery('english', public.unaccent(?)) AS q"
                    " WHERE scope = ? AND terms @@ q ORDER BY rank DESC, text_id LIMIT ?",
                    (" or ".join(terms), scope, limit))
        return (f"SELECT text_id, -bm25({self.table}) AS rank FROM {self.table}"
                f" WHERE {self.table} MATCH ? AND scope = ? ORDER BY rank DESC, text_id"
                " LIMIT ?", (" OR ".join(f'"{word}"' for word in terms), scope, limit))
