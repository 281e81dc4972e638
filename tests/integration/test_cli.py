"""The ``goodwill`` console script, run as an operator would, on a temporary SQLite store."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path
from uuid import UUID

import pytest

from goodwill.bootstrap import bootstrap
from goodwill.settings import Settings

GOODWILL = Path(sys.executable).parent / "goodwill"


@pytest.fixture
def goodwill(tmp_path):
    url = f"sqlite:///{tmp_path}/goodwill.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOODWILL_")}

    def run(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(GOODWILL), *args, "--database-url", url], cwd=tmp_path,
                              env={**env, **extra_env}, capture_output=True, text=True,
                              check=True, timeout=120, stdin=subprocess.DEVNULL)
    run.url = url
    return run


def test_create_organizer_twice_finds_the_same_person(goodwill):
    first = goodwill("create-organizer", "--name", "Pat Planner", "--email", "pat@example.org")
    again = goodwill("create-organizer", "--name", "Pat Planner", "--email", "PAT@example.org")
    assert UUID(first.stdout.strip()) == UUID(again.stdout.strip())


def test_create_organizer_sets_a_password_from_the_environment(goodwill):
    created = goodwill("create-organizer", "--name", "Pat Planner", "--email", "pat@example.org",
                       GOODWILL_ORGANIZER_PASSWORD="a long and secret phrase")
    system = bootstrap(Settings(database_url=goodwill.url))
    try:
        checked = system.app.check_password("pat@example.org", "a long and secret phrase")
        assert checked == UUID(created.stdout.strip())
        assert system.app.check_password("pat@example.org", "a wrong phrase") is None
    finally:
        system.close()


def test_demo_twice_records_once(goodwill):
    first = goodwill("demo", "--attendees", "12", "--seed", "3")
    again = goodwill("demo", "--attendees", "12", "--seed", "3")
    assert "Reciprocity Summit 2026" in first.stdout and "check in morning" in first.stderr
    assert recorded(first.stdout) > 0 and recorded(again.stdout) == 0


def recorded(summary: str) -> int:
    return int(re.search(r"^(\d+) new events recorded", summary, re.MULTILINE).group(1))


def test_rebuild_shows_progress_and_leaves_no_lag(goodwill):
    goodwill("demo", "--attendees", "12")
    rebuilt = goodwill("projections", "rebuild")
    assert "100%" in rebuilt.stderr and "events/s" in rebuilt.stderr and "ETA" in rebuilt.stderr
    header, *rows = goodwill("projections", "status").stdout.strip().splitlines()
    assert header.split() == ["projection", "position", "head", "lag"]
    assert rows and all(row.split()[3] == "0" and row.split()[1] != "0" for row in rows)


def test_export_writes_an_event_s_file_to_standard_output(goodwill):
    """The demo's event, as its organizers download it: the named rows first, then the
    anonymous ones of those who did not share their profile."""
    event = re.search(r"^event\s+(\S+)", goodwill("demo", "--attendees", "12").stdout,
                      re.MULTILINE).group(1)
    written = goodwill("export", "--event", event, "--format", "attendees.csv", "--out", "-")
    rows = list(csv.DictReader(io.StringIO(written.stdout.removeprefix("\ufeff"))))
    assert len(rows) == 12 and {r["shared"] for r in rows} <= {"true", "false"}
    shared = [r["shared"] for r in rows]
    assert shared == sorted(shared, reverse=True) and all(
        r["name"] for r in rows if r["shared"] == "true")


def test_export_refuses_an_unknown_event_and_leaves_no_file(goodwill, tmp_path):
    with pytest.raises(subprocess.CalledProcessError) as refused:
        goodwill("export", "--event", str(uuid.uuid4()), "--format", "gives.csv",
                 "--out", "gives.csv")
    assert "there is no event" in refused.value.stderr
    assert not list(tmp_path.glob("*gives.csv*"))
