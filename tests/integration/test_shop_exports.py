"""Exports from a real pretix 2026.8.0 (tests/data/pretix-2026.8, see its README) import
their attendees, on both stores: what was bought is no check-in list, so no row is refused
for its product; the order's email stands in where pretix asked for no attendee email; the
attendee's company and job title arrive, and the shop's questions "What do you offer?" and
"What do you need?" fill the profile's offers and needs, and the product (with its
variation) is the ticket's type. A person holding two tickets (a conference pass and a
workshop day) is one attendee; colleagues bought for on one order, who carry the buyer's
email, are people of their own without it. A second import of the same file changes
nothing."""

from __future__ import annotations

import uuid
import pytest

from goodwill.imports.batches import run_import
from goodwill.imports.preview import prepare_bytes
from goodwill.projections import roster
from tests.http.conftest import api, client, summit  # noqa: F401
from tests.integration.queries import read
from tests.integration.readmodels import event_count
from tests import shop_files
from tests.ticketing import PRETIX_EXPORTS as PRETIX

FILES = {"techconf26_orderlist_positions_comma.csv": "pretix",
         "techconf26_checkin_main_comma.csv": "pretix-checkin",
         "techconf26_orderlist_combined.xlsx": "pretix",  # its sheet "Order positions"
         "techconf26_orderlist_positions_semicolon.csv": "pretix",
         "techconf26_orderlist_positions_excel.csv": "pretix",
         "techconf26_orderlist_positions_windows-1252.csv": "pretix",
         "eventbrite_attendees.csv": "eventbrite", "eventbrite_attendees.xlsx": "eventbrite"}
ROWS, FURTHER, COLLEAGUES = 343, 34, 8
PEOPLE = ROWS - FURTHER
"""Each file's rows; the further tickets of people holding two; the colleagues whose row
carries the buyer's email (in the positions export: the order's, no attendee email)."""
TYPES = {"Conference pass", "Workshop day – Track A: Data engineering",
         "Workshop day – Track B: Application security",
         "Conference pass + Workshop day – Track A: Data engineering",
         "Conference pass + Workshop day – Track B: Application security"}


def export(name: str) -> bytes:
    """A real pretix export, or one made from it (see tests/shop_files.py)."""
    if name == "eventbrite_attendees.xlsx":
        return shop_files.eventbrite_xlsx()
    return (PRETIX / name if (PRETIX / name).exists() else shop_files.DERIVED / name).read_bytes()


def imported(system, scenario, data: bytes, dry_run: bool = False):
    prepared = prepare_bytes(data)
    return prepared, run_import(system.app, scenario.organizer, uuid.uuid4(),
                                scenario.conference_id, prepared.rows, prepared.bad,
                                dry_run=dry_run)


@pytest.mark.parametrize("name", FILES)
def test_a_shop_export_imports_one_attendee_per_person(system, scenario, name):
    data = export(name)
    before = event_count(system)
    _, dry = imported(system, scenario, data, dry_run=True)
    assert event_count(system) == before  # the dry run saved nothing
    prepared, tally = imported(system, scenario, data)
    assert dry.as_dict() == {**tally.as_dict(), "position": 0}  # the preview is the import
    assert prepared.preset.key == FILES[name]
    assert (len(prepared.rows), prepared.further, prepared.bad) == (PEOPLE, FURTHER, [])
    assert (tally.created, tally.updated, tally.unchanged, tally.bad) == (PEOPLE, 0, 0, [])
    system.runner.catch_up()
    listed = read(system, roster.door_list, scenario.conference_id, "", 1000)
    assert len(listed) == PEOPLE and len({row["person_id"] for row in listed}) == PEOPLE
    assert sum(not row["email"] for row in listed) == COLLEAGUES

    _, dry_again = imported(system, scenario, data, dry_run=True)
    _, again = imported(system, scenario, data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, PEOPLE)
    assert dry_again.as_dict() == {**again.as_dict(), "position": 0}


def test_the_positions_export_brings_email_company_and_job_title(system, scenario):
    imported(system, scenario, (PRETIX / "techconf26_orderlist_positions_comma.csv").read_bytes())
    system.runner.catch_up()
    people = {row["name"]: row for row in read(system, roster.door_list,
                                                scenario.conference_id, "", 1000)}
    linh, jurgen = people["Linh Nguyễn"], people["Jürgen Müller"]
    # Linh bought the order and was asked no attendee email: the order's stands in
    assert (linh["email"], linh["company"]) == ("linh.nguyen@cyberdyne.example",
                                                "Cyberdyne Systems")
    assert jurgen["email"] == "jurgen_muller@cyberdyne.example"
    with system.writer.transaction() as tx:
        role, offers = tx.fetchall("SELECT role, offers FROM attendees WHERE attendee_id = ?",
                                   (linh["attendee_id"],))[0]
    assert (role, offers) == ("Software Engineer", "Mentoring for junior developers")
    assert {row["ticket_type"] for row in people.values()} == TYPES
    assert linh["ticket_type"] == "Conference pass"


def test_one_person_with_two_tickets_is_one_attendee_and_colleagues_are_people_of_their_own(
        system, scenario):
    """Ravi bought a conference pass and a workshop day (order 87Q3Q, one email and one name
    on both): one attendee, one ticket of both types, let in at every entrance. François
    bought tickets for himself and Björn (order UGCDC), and Björn was asked no email of his
    own: Björn is a person of his own, without François's email, found again by his ticket."""
    data = (PRETIX / "techconf26_orderlist_positions_comma.csv").read_bytes()
    imported(system, scenario, data)
    system.runner.catch_up()
    listed = read(system, roster.door_list, scenario.conference_id, "", 1000)
    ravi = [row for row in listed if row["email"] == "Raviostergaard@gmail.com"]
    assert len(ravi) == 1 and ravi[0]["ticket_type"] == (
        "Conference pass + Workshop day – Track B: Application security")
    people = {row["name"]: row for row in listed}
    francois, bjorn = people["François Trần"], people["Björn Černý"]
    assert francois["email"] == "francois.tran@wonka.example" and not bjorn["email"]
    assert bjorn["person_id"] != francois["person_id"]
    with system.writer.transaction() as tx:
        lists = tx.fetchall("SELECT lists FROM ticket_state WHERE attendee_id = ?",
                            (ravi[0]["attendee_id"],))
    assert lists == [("[]",)]  # no list named: every entrance, as each of his tickets
    _, again = imported(system, scenario, data)
    assert (again.created, again.unchanged) == (0, PEOPLE)


def test_organizers_see_each_tickets_type_in_the_roster_and_on_the_tickets_page(summit):
    api = summit.api
    path = f"/events/{summit.event_id}/imports"
    data = (PRETIX / "techconf26_checkin_main_comma.csv").read_text("utf-8")
    assert api.post(summit.organizer, path, command_id=str(uuid.uuid4()),
                    csv=data).json()["created"] == PEOPLE
    api.position = api.system.app.recorder.max_notification_id()
    roster = api.read(summit.organizer, f"/events/{summit.event_id}/attendees?limit=200")
    types = {r.get("ticket_type") for r in roster}  # 200 of 303 rows, in no named order
    assert "Conference pass" in types and types <= {None, *TYPES}  # None: Alice and Bob
    page = api.client.get(f"/events/{summit.event_id}/tickets?q=Agnieszka",
                          headers=api.headers(summit.organizer))
    assert "<td><bdi>Conference pass</bdi></td>" in page.text


def test_the_files_made_from_the_real_export_are_current():
    for name, make in shop_files.FILES.items():
        assert (shop_files.DERIVED / name).read_bytes() == make(), f"python -m tests.shop_files"


def test_a_re_import_from_windows_1252_keeps_the_letters_it_lost(system, scenario):
    """Excel on a Western Windows saves "Linh Nguyễn" as "Linh Nguy?n": the import keeps the
    name as first imported, says so row by row, and changes nothing."""
    imported(system, scenario, export("techconf26_orderlist_positions_comma.csv"))
    _, lossy = imported(system, scenario,
                        export("techconf26_orderlist_positions_windows-1252.csv"))
    assert (lossy.created, lossy.updated, lossy.unchanged, lossy.bad) == (0, 0, PEOPLE, [])
    assert lossy.kept and all("lost letters to its encoding" in row.reason for row in lossy.kept)
    system.runner.catch_up()
    names = {row["name"] for row in read(system, roster.door_list, scenario.conference_id,
                                         "", 1000)}
    assert {"Linh Nguyễn", "Björn Černý"} <= names and not any("?" in n for n in names)


def test_ten_thousand_positions_import_as_their_preview_said(system, scenario):
    data = shop_files.ten_thousand()
    _, dry = imported(system, scenario, data, dry_run=True)
    prepared, tally = imported(system, scenario, data)
    assert (len(prepared.rows) + prepared.further, prepared.bad) == (10_000, [])
    assert (tally.created, tally.bad) == (len(prepared.rows), []) == (9_011, [])
    assert dry.as_dict() == {**tally.as_dict(), "position": 0}
    _, again = imported(system, scenario, data)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 9_011)
