"""An upgrade that changes a read model's tables needs no rebuild by hand: a table left by
an older release in another shape is dropped at start, and that read model alone is
replayed from the log's beginning into the new shape; the others keep their place."""

from __future__ import annotations

from goodwill.projections.engine.base import declared
from goodwill.projections.engine.runner import TRACKING
from tests.integration.readmodels import dump
from tests.integration.test_projection_recovery import activity


def test_declared_columns_leave_out_constraints():
    assert declared("a TEXT NOT NULL, b BIGINT DEFAULT 0, PRIMARY KEY (a, b)") == ["a", "b"]
    assert declared("x TEXT PRIMARY KEY, y NUMERIC(10, 2), UNIQUE (y)") == ["x", "y"]


def test_a_table_in_an_older_shape_is_rebuilt_from_the_log(system, scenario):
    activity(system, scenario)
    runner = system.runner
    runner.catch_up()
    expected = dump(system)
    directory = next(p for p in runner.projections if p.name == "directory")
    others = {p.name: runner.position(p.name) for p in runner.projections if p is not directory}
    with system.writer.transaction() as tx:  # as the release before the newest column left it
        tx.execute("DROP TABLE attendees")
        tx.execute("CREATE TABLE attendees (attendee_id TEXT PRIMARY KEY, name TEXT NOT NULL)")
        tx.execute("INSERT INTO attendees VALUES ('stale', 'Stale Row')")
        tx.execute("INSERT INTO projection_failures VALUES ('directory', 1, 'topic', 'old',"
                   " '2026-01-01T00:00:00Z', NULL)")
        assert directory.reshaped(tx)

    runner.create_tables()
    assert runner.position("directory") == 0
    assert {name: runner.position(name) for name in others} == others
    runner.catch_up()
    assert dump(system) == expected
    with system.writer.transaction() as tx:
        assert not directory.reshaped(tx)
        assert tx.fetchall("SELECT COUNT(*) FROM projection_failures") == [(0,)]
        assert tx.fetchall(f"SELECT COUNT(*) FROM {TRACKING}")[0][0] == len(runner.projections)


def test_a_read_model_that_gained_a_table_is_rebuilt_from_the_log(system, scenario):
    """The dashboard's figures once kept their ticket map in a table by another name."""
    activity(system, scenario)
    system.runner.catch_up()
    expected = dump(system)
    figures = next(p for p in system.runner.projections if p.name == "figures")
    with system.writer.transaction() as tx:
        tx.execute("DROP TABLE figure_tickets")
        assert figures.reshaped(tx)
    system.runner.create_tables()
    assert system.runner.position("figures") == 0
    system.runner.catch_up()
    assert dump(system) == expected


def test_tables_in_their_shape_keep_their_place(system, scenario):
    activity(system, scenario)
    system.runner.catch_up()
    before = {p.name: system.runner.position(p.name) for p in system.runner.projections}
    system.runner.create_tables()
    assert {p.name: system.runner.position(p.name) for p in system.runner.projections} == before
