"""Many aggregates read in one query. The library reads one aggregate per query, right for a
command about one thing and far too slow for an import's chunk of hundreds: on PostgreSQL
each read is a round trip. This asks the library's own events table for all of them at once
(the statement the library uses for one, with a list instead of an id) and leaves decoding
and folding to the library's mapper and projector.

Tied to the table layout of eventsourcing 9.5, which the project pins; the import's tests
run on both stores.
"""

from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.postgres import PostgresAggregateRecorder
from eventsourcing.sqlite import SQLiteAggregateRecorder
from psycopg.sql import SQL, Identifier

from goodwill.database import marks


def select_many(recorder: PostgresAggregateRecorder | SQLiteAggregateRecorder,
                ids: Collection[UUID]) -> list[StoredEvent]:
    """Every event of the aggregates ``ids`` names, each aggregate's in version order."""
    if not ids:
        return []
    if isinstance(recorder, PostgresAggregateRecorder):
        statement = SQL("SELECT * FROM {schema}.{table} WHERE originator_id = ANY(%s)"
                        " ORDER BY originator_id, originator_version").format(
            schema=Identifier(recorder.datastore.schema),
            table=Identifier(recorder.events_table_name))
        with recorder.datastore.get_connection() as conn, conn.cursor() as cursor:
            cursor.execute(statement, [list(ids)])
            rows = cursor.fetchall()
        return [StoredEvent(originator_id=r["originator_id"],
                            originator_version=r["originator_version"], topic=r["topic"],
                            state=bytes(r["state"])) for r in rows]
    with recorder.datastore.transaction(commit=False) as cursor:
        cursor.execute(f"SELECT * FROM {recorder.events_table_name} WHERE originator_id IN"
                       f" ({marks(ids)}) ORDER BY originator_id, originator_version",
                       [i.hex for i in ids])
        rows = cursor.fetchall()
    return [StoredEvent(originator_id=recorder.convert_originator_id(r["originator_id"]),
                        originator_version=r["originator_version"], topic=r["topic"],
                        state=r["state"]) for r in rows]
