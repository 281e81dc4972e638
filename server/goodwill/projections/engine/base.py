"""A read model: tables, and handlers that turn domain events into rows.

The runner calls :meth:`Projection.apply` inside the transaction that also moves the
projection's tracking position, so each event lands exactly once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, ClassVar, get_type_hints
from uuid import UUID

from goodwill.database import Tx
from goodwill.domain.person import Person

Handler = Callable[[Any, Any, Tx], None]
CONSTRAINTS = ("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT")


def on(handler: Handler) -> Handler:
    """Marks a projection method as the handler of the event type its annotation names."""
    handler.handles_event = True  # type: ignore[attr-defined]
    return handler


class Projection:
    name: ClassVar[str]
    tables: ClassVar[dict[str, str]]  # table name → column definitions
    indexes: ClassVar[tuple[str, ...]] = ()
    handlers: ClassVar[dict[type, Handler]] = {}
    forgets: ClassVar[tuple[str, ...]] = ()
    """Statements that drop or blank what this read model holds of a forgotten person; each
    ``?`` is their id. Over-blanking is fine: a text between them and another person goes."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.handlers = {**cls.handlers}
        for method in vars(cls).values():
            if getattr(method, "handles_event", False):
                event_type = next(iter(get_type_hints(method).values()))
                cls.handlers[event_type] = method

    def apply(self, event: Any, tx: Tx) -> None:
        """Dispatch on the event's type; events a read model does not care about pass by."""
        if isinstance(event, Person.Forgotten):
            self.forget(event.originator_id, tx)
        handler = self.handlers.get(type(event))
        if handler is not None:
            handler(self, event, tx)

    def forget(self, person_id: UUID, tx: Tx) -> None:
        for statement in self.forgets:
            tx.execute(statement, (key(person_id),) * statement.count("?"))

    def create(self, tx: Tx) -> None:
        for table, columns in self.tables.items():
            tx.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        for index in self.indexes:
            tx.execute(index)

    def reshaped(self, tx: Tx) -> bool:
        """Whether a release before this one left this read model with a table in other
        columns than it declares now, or without a table it declares now: the runner then
        rebuilds it from the log. A store that holds none of its tables is simply new."""
        found = {table: tx.columns(table) for table in self.tables}
        return any(found.values()) and any(found[table] != declared(columns)
                                           for table, columns in self.tables.items())

    def drop(self, tx: Tx) -> None:
        for table in self.tables:
            tx.execute(f"DROP TABLE IF EXISTS {table}")


def declared(columns: str) -> list[str]:
    """The column names in a table's definitions, in order, without its constraints."""
    flat = re.sub(r"\([^)]*\)", "", columns)
    names = (part.split()[0] for part in flat.split(",") if part.strip())
    return [name.lower() for name in names if name.upper() not in CONSTRAINTS]


def iso(moment: datetime) -> str:
    """UTC, fixed width, so text comparison is time comparison on both stores."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def key(value: UUID | None) -> str | None:
    return None if value is None else str(value)
