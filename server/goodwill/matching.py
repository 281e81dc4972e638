"""Matching what one person needs with what others offer, by the database's own text search:
PostgreSQL's ``tsvector`` and SQLite's FTS5, both ranked by BM25. Both fold case and accents
and stem English (Snowball ``english`` and FTS5's porter); other languages are matched word
for word, unstemmed.

A need is a sentence, not a query: its words, and the words people use for the same help
(:mod:`goodwill.vocabulary`), are asked for with OR, so an offer that shares any of them
is found, and BM25 puts first the offers that share the most, the rarer words weighing
more. SQLite has it built in (``bm25``); on PostgreSQL it is computed from the matched
texts' lexemes (:data:`BM25`), since ``ts_rank_cd`` weighs a word everyone offers like a
rare one (precision@5 0.596 against 0.611, ``make match-quality``). Words that say nothing
(``looking``, ``help``, ``anyone``…) are left out on both stores, so both rank on the same
words. One query shape, here alone: callers hold a :class:`TextIndex` and run what it gives
them.
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
about above advice after again against all also am an and any anybody anyone are as at be
because been before being below between both but by can could did do does doing don down
during each few first for from further get good got guidance had has have having he help
helping her here hers herself him himself his how idea if in into is it its itself just
know let like look looking me month more most my myself need needed needs new next no nor
not now of off on once one only or other our ours ourselves out over own please really same
seek seeking she should small so some somebody someone start such than that the their
theirs them themselves then there these they this those through to too under until up us
use very want wanted wants was we week were what when where which while who whom why will
with would year you your yours yourself yourselves
""".split())
"""Words of asking and helping, and English stop words: on both stores alike."""
BM25 = """WITH {among}asked AS MATERIALIZED (SELECT
        websearch_to_tsquery('english', public.unaccent(?)) AS query,
        tsvector_to_array(to_tsvector('english', public.unaccent(?))) AS lexemes),
    hits AS MATERIALIZED (SELECT text_id, lexeme, length(terms) AS size FROM {table}, asked,
        unnest(tsvector_to_array(terms)) AS lexeme
        WHERE scope = ? AND terms @@ asked.query AND lexeme = ANY(asked.lexemes)),
    found AS MATERIALIZED (SELECT lexeme, count(*) AS texts FROM hits GROUP BY lexeme),
    event AS MATERIALIZED (SELECT count(*) AS texts, avg(length(terms)) AS size
        FROM {table} WHERE scope = ?)
SELECT text_id, sum(ln(1 + (event.texts - found.texts + 0.5) / (found.texts + 0.5))
        * 2.2 / (1 + 1.2 * (0.25 + 0.75 * hits.size / event.size))) AS rank
FROM hits JOIN found USING (lexeme), event{within}
GROUP BY text_id ORDER BY rank DESC, text_id LIMIT ?"""
"""BM25 as FTS5 computes it (k1 1.2, b 0.75) over the texts of one scope, each word of a text
counted once: every text holding an asked word matches, so the hits alone count how many
texts hold each word. Length is in distinct lexemes, as ``length(tsvector)`` gives it. Each
part is computed once (``MATERIALIZED``): ``unaccent`` is not immutable, so a query folded
into the scan would be built again for every row."""
Among = tuple[str, tuple[object, ...]]
"""An SQL query of the text ids to search among, with its ``?`` parameters; empty for
every text."""
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
            tx.execute(f"CREATE INDEX IF NOT EXISTS {self.table}_scope ON {self.table} (scope)")
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

    def best(self, tx: Tx, scope: str, need: str, limit: int,
             among: Among = ("", ())) -> list[tuple[str, float]]:
        """The texts in ``scope`` that match ``need``, best first, as ``text_id`` and rank
        (higher is better); none when the need has no word worth searching for. ``among``
        narrows them to the ids its query gives."""
        terms = asked(need)
        if not terms:
            return []
        ids, params = among
        if isinstance(tx, PostgresTx):
            first = f"among AS MATERIALIZED ({ids}), " if ids else ""
            within = " WHERE text_id IN (SELECT * FROM among)" if ids else ""
            return tx.fetchall(BM25.format(table=self.table, among=first, within=within),
                               (*params, " or ".join(terms), " ".join(terms), scope, scope,
                                limit))
        within = f" AND text_id IN ({ids})" if ids else ""
        return tx.fetchall(f"SELECT text_id, -bm25({self.table}) AS rank FROM {self.table}"
                           f" WHERE {self.table} MATCH ? AND scope = ?{within}"
                           " ORDER BY rank DESC, text_id LIMIT ?",
                           (" OR ".join(f'"{word}"' for word in terms), scope, *params, limit))
