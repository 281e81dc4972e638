"""The ``goodwill`` console script, run as an operator would, on a temporary SQLite store."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import uuid
from pathlib import Path
from datetime import datetime, timedelta, timezone
from uuid import UUID

import pytest

from goodwill.bootstrap import bootstrap
from goodwill.domain.give import Give
from goodwill.domain.personal import Personal
from goodwill.settings import Settings
from tests.ticketing import PRETIX_EXPORTS, nameless, pretix_csv, pretix_row
from tests.scenario import Scenario
from tests.serving import GOODWILL, served, wrong_codes_answered


@pytest.fixture
def goodwill(tmp_path):
    url = f"sqlite:///{tmp_path}/goodwill.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOODWILL_")}

    def run(*args: str, check: bool = True, **extra_env: str) -> subprocess.CompletedProcess:
        return subprocess.run([str(GOODWILL), *args, "--database-url", url], cwd=tmp_path,
                              env={**env, **extra_env}, capture_output=True, text=True,
                              check=check, timeout=120, stdin=subprocess.DEVNULL)
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


def new_event(goodwill) -> str:
    """An event in the command line's store, made before the command runs."""
    system = bootstrap(Settings(database_url=goodwill.url, secret_key="cli-test"))
    try:
        return str(Scenario(system.app).conference_id)
    finally:
        system.close()


def test_import_reports_every_row_and_a_second_run_changes_nothing(goodwill, tmp_path):
    event = new_event(goodwill)
    export = tmp_path / "summit.csv"
    export.write_bytes(pretix_csv([pretix_row("A1", 1, "Ada Adler", "ada@example.org"),
                                   pretix_row("A1", 2, "Ben Brandt", "nope"),
                                   pretix_row("B2", 1, "Chloe Costa", "chloe@example.org")],
                                  ";").encode("cp1252"))
    checked = goodwill("import", "--event", event, str(export), "--dry-run", check=False)
    assert checked.returncode == 1 and ("dry run, nothing saved: would create 2, updated 0,"
                                        " unchanged 0, not imported 1") in checked.stdout
    first = goodwill("import", "--event", event, str(export), check=False)
    assert first.returncode == 1, first.stderr
    assert first.stdout.splitlines() == [
        "read as UTF-8, separated by semicolons, as pretix order positions: 2 attendees to import,"
        " 1 bad",
        "created 2, updated 0, unchanged 0, not imported 1",
        "  line 3: The email address is not valid."]
    assert "100%" in first.stderr and "rows/s" in first.stderr
    again = goodwill("import", "--event", event, str(export), "--preset", "pretix", check=False)
    assert "created 0, updated 0, unchanged 2, not imported 1" in again.stdout
    export.write_text(pretix_csv([pretix_row("A1", 1, "Ada Adler", "ada@example.org", "Kiln"),
                                  pretix_row("B2", 1, "Chloe Costa", "chloe@example.org",
                                             product="Workshop room")]))
    changes = goodwill("import", "--event", event, str(export), "--dry-run")
    assert changes.stdout.splitlines()[1:] == [
        "dry run, nothing saved: would create 0, updated 2, unchanged 0, not imported 0",
        "would change 2 values:",
        "  line 2: Company: (empty) → Kiln",
        "  line 3: Ticket type: Main entrance → Workshop room"]
    missing = goodwill("import", "--event", str(UUID(int=7)), str(export), check=False)
    assert missing.returncode == 2 and "No such event" in missing.stderr


def test_import_of_a_real_pretix_export_lists_twenty_problems_and_counts_the_rest(
        goodwill, tmp_path):
    event = new_event(goodwill)
    export = tmp_path / "positions.csv"
    export.write_bytes(nameless("techconf26_orderlist_positions_comma.csv", 25))
    first = goodwill("import", "--event", event, str(export), check=False)
    lines = first.stdout.splitlines()
    assert first.returncode == 1 and lines[:2] == [
        "read as UTF-8, separated by commas, as pretix order positions: 286 attendees to"
        " import (with 32 further tickets of theirs), 25 bad",
        "created 286, updated 0, unchanged 0, not imported 25"]
    assert len(lines) == 2 + 20 + 1 and lines[-1] == "  and 5 more rows not imported"
    assert lines[2] == "  line 2: Missing name."


def test_a_real_pretix_workbook_imports_one_attendee_per_person(goodwill):
    event = new_event(goodwill)
    export = PRETIX_EXPORTS / "techconf26_orderlist_combined.xlsx"
    first = goodwill("import", "--event", event, str(export))
    assert first.stdout.splitlines() == [
        "read as Excel workbook, sheet 'Order positions', as pretix order positions:"
        " 309 attendees to import (with 34 further tickets of theirs), 0 bad",
        "created 309, updated 0, unchanged 0, not imported 0"]


def test_products_can_be_given_their_own_check_in_lists(goodwill):
    event = new_event(goodwill)
    export = PRETIX_EXPORTS / "techconf26_orderlist_positions_comma.csv"
    wrong = goodwill("import", "--event", event, str(export), "--list", "Workshop day",
                     check=False)
    assert wrong.returncode == 2 and "--list takes PRODUCT=LIST" in wrong.stderr
    done = goodwill("import", "--event", event, str(export), "--list",
                    "Workshop day=Workshop room", "--list", "Conference pass=Main entrance",
                    check=False)
    assert "created 309," in done.stdout
    system = bootstrap(Settings(database_url=goodwill.url, secret_key="cli-test"))
    try:
        with system.writer.transaction() as tx:
            lists = dict(tx.fetchall(
                "SELECT tt.ticket_type, ts.lists FROM ticket_types tt"
                " JOIN ticket_state ts ON ts.ticket_id = tt.ticket_id"))
    finally:
        system.close()
    both = '["main", "workshop"]'  # one person's two tickets: either list lets them in
    assert lists == {"Conference pass": '["main"]',
                     "Workshop day – Track A: Data engineering": '["workshop"]',
                     "Workshop day – Track B: Application security": '["workshop"]',
                     "Conference pass + Workshop day – Track A: Data engineering": both,
                     "Conference pass + Workshop day – Track B: Application security": both}


def test_import_passes_over_unpaid_tickets_unless_pending_ones_are_asked_for(goodwill,
                                                                              tmp_path):
    event = new_event(goodwill)
    export = tmp_path / "orders.csv"
    export.write_text(pretix_csv([
        pretix_row("A1", 1, "Ada Adler", "ada@example.org"),
        {**pretix_row("B2", 1, "Ben Brandt", "ben@example.org"), "Status": "pending"},
        {**pretix_row("C3", 1, "Chloe Costa", "chloe@example.org"), "Status": "canceled"}]))
    paid = goodwill("import", "--event", event, str(export))
    assert ("1 attendee to import, 0 bad, 2 skipped (1 pending, 1 canceled)"
            in paid.stdout.splitlines()[0])
    assert "created 1," in paid.stdout
    pending = goodwill("import", "--event", event, str(export), "--include-pending")
    assert "created 1, updated 0, unchanged 1" in pending.stdout
    export.write_bytes(b"%PDF-1.7\n")
    pdf = goodwill("import", "--event", event, str(export), check=False)
    assert pdf.returncode == 2 and pdf.stderr.strip() == (
        "goodwill import: This is a PDF document, not a spreadsheet: export the attendees as"
        " CSV or Excel (.xlsx).")
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


def test_an_operator_lists_retries_and_skips_what_a_read_model_could_not_apply(goodwill):
    system = bootstrap(Settings(database_url=goodwill.url))
    try:
        scenario = Scenario(system.app)
        alice, bob = scenario["Alice"].person_id, scenario["Bob"].person_id
        system.app.save(Give(giver=bob, receiver=alice, conference_id=scenario.conference_id,
                             kind="advice", note=Personal(bob, ""), recorded_by=bob,
                             happened_at=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14)))))
        system.runner.catch_up()  # as the server does: the give is recorded as a failure
    finally:
        system.close()
    listed = goodwill("projections", "failures")
    assert "Give.Given" in listed.stdout and "date value out of range" in listed.stdout
    retried = goodwill("projections", "retry", check=False)
    assert retried.returncode == 1 and "still failing" in retried.stdout
    assert "skipped" in goodwill("projections", "skip").stdout
    assert goodwill("projections", "failures").stdout.strip() == "no failures"


def test_serve_with_two_workers_answers_on_one_port_and_stops_cleanly(tmp_path):
    """Production's way to use more than one core: ``--workers``, each worker building the
    app from the settings the command resolved (here the store named on the command line)."""
    with served(tmp_path, "--workers", "2") as (server, _):
        children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
        commands = [Path(f"/proc/{child}/cmdline").read_bytes() for child in children]
        assert sum(b"spawn_main" in command for command in commands) == 2
    assert server.returncode == 0 and (tmp_path / "goodwill.db").exists()


def test_a_client_cannot_name_itself_anew_to_slip_past_the_join_code_limit(tmp_path):
    """Forty wrong join codes from one address, each claiming another one in
    X-Forwarded-For: with no proxy configured (the default) the header is not believed and
    the limit holds; with this machine named as the proxy, each forwarded address is a
    client of its own."""
    with served(tmp_path) as (_, port):
        answered = wrong_codes_answered(port, 40)
    assert answered[:10] == [404] * 10 and set(answered[10:]) == {429}
    with served(tmp_path, GOODWILL_TRUSTED_PROXIES="127.0.0.1, ::1") as (_, port):
        assert set(wrong_codes_answered(port, 40)) == {404}
