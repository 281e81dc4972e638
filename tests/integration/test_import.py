"""Importing attendee lists into an event, on both stores: a first import registers everyone
once, the same file again records nothing but its receipts, an updated file changes only what
changed, and every refused row comes back with its line and reason. The sheet here names
check-in lists, as an organizer's own sheet may; the shops' exports are in
test_shop_exports.py."""

from __future__ import annotations

import uuid

import pytest

from goodwill.application.core import SYSTEM_ACTOR
from goodwill.application.import_rows import ImportRow
from goodwill.domain.attendee import Profile
from goodwill.domain.errors import NotAllowedError
from goodwill.imports.batches import run_import
from goodwill.imports.preview import prepare_bytes
from goodwill.projections import checkins, roster
from tests.ticketing import SHEET, csv_text, sheet_csv, sheet_row
from tests.integration.queries import read
from tests.integration.readmodels import event_count

PEOPLE = [("ABC12-1", "Ada Adler", "ada@example.org", "Kiln Co", "Potter", "Main entrance"),
          ("ABC12-2", "Ben Brandt", "ben@example.org", "", "", "Workshop room"),
          ("XYZ99-1", "Chloe Costa", "chloe@example.org", "Lumen Labs", "CTO", "main")]


def export(*changes: tuple[int, dict], extra: list[dict] = ()) -> bytes:
    """The sheet of PEOPLE, with row ``n`` changed as said, and ``extra`` rows."""
    rows = [sheet_row(*person) for person in PEOPLE]
    for n, change in changes:
        rows[n] = {**rows[n], **change}
    return sheet_csv([*rows, *extra]).encode()


def imported(system, scenario, data: bytes, actor=None, import_id=None):
    prepared = prepare_bytes(data)
    return run_import(system.app, actor or scenario.organizer, import_id or uuid.uuid4(),
                      scenario.conference_id, prepared.rows, prepared.bad)


def recorded_since(system, position: int) -> set[str]:
    """The kinds of event recorded after ``position``."""
    notifications = system.app.recorder.select_notifications(start=position + 1, limit=100_000)
    return {n.topic.split(":")[-1] for n in notifications}


def attendees(system, scenario) -> dict[str, dict]:
    rows = read(system, roster.door_list, scenario.conference_id, "", 200)
    return {row["name"]: row for row in rows}


def test_a_first_import_registers_everyone_with_a_ticket_and_reports_bad_rows(system, scenario):
    broken = sheet_row("BAD01-1", "", "nobody@example.org")
    tally = imported(system, scenario, export(extra=[broken]))
    assert (tally.created, tally.updated, tally.unchanged) == (3, 0, 0)
    assert tally.as_dict()["bad"] == [[5, "Missing name."]]
    found = attendees(system, scenario)
    assert set(found) == {"Ada Adler", "Ben Brandt", "Chloe Costa"}
    assert found["Ada Adler"]["company"] == "Kiln Co" and found["Ada Adler"]["email"] == "ada@example.org"
    ticket = read(system, checkins.ticket_state, uuid.UUID(ticket_of(system, found["Ben Brandt"])))
    assert ticket["lists"] == ["workshop"]


def ticket_of(system, row: dict) -> str:
    with system.writer.transaction() as tx:
        return tx.fetchall("SELECT ticket_id FROM ticket_state WHERE attendee_id = ?",
                           (row["attendee_id"],))[0][0]


def test_the_same_file_again_records_nothing_but_its_receipts(system, scenario):
    imported(system, scenario, export())
    before = event_count(system)
    tally = imported(system, scenario, export())
    assert (tally.created, tally.updated, tally.unchanged, tally.bad) == (0, 0, 3, [])
    assert recorded_since(system, before) == {"CommandReceipt.Recorded"}


def test_a_retried_chunk_is_answered_from_its_receipt(system, scenario):
    import_id = uuid.uuid4()
    first = imported(system, scenario, export(), import_id=import_id)
    before = event_count(system)
    again = imported(system, scenario, export(), import_id=import_id)
    assert again.as_dict()["created"] == first.as_dict()["created"] == 3
    assert event_count(system) == before


def test_an_updated_file_changes_only_what_changed(system, scenario):
    imported(system, scenario, export())
    before = event_count(system)
    newcomer = sheet_row("NEW01-1", "Dario Dubois", "dario@example.org")
    tally = imported(system, scenario, export((0, {"Company": "Kiln & Clay"}),
                                              (1, {"Check-in lists": "Main entrance; Workshop room"}),
                                              extra=[newcomer]))
    assert (tally.created, tally.updated, tally.unchanged, tally.bad) == (1, 2, 1, [])
    assert {"Attendee.ProfileUpdated", "Ticket.ListsChanged", "ImportedTicket.Reimported",
            "Person.Registered"} <= recorded_since(system, before)
    found = attendees(system, scenario)
    assert found["Ada Adler"]["company"] == "Kiln & Clay" and len(found) == 4
    ticket = read(system, checkins.ticket_state, uuid.UUID(ticket_of(system, found["Ben Brandt"])))
    assert ticket["lists"] == ["main", "workshop"]


def test_what_the_attendee_edited_stays_unless_the_file_changed_it(system, scenario):
    imported(system, scenario, export())
    ada = attendees(system, scenario)["Ada Adler"]
    system.app.update_profile(uuid.UUID(ada["person_id"]), uuid.uuid4(), scenario.conference_id,
                              Profile(name="Ada Adler", company="Kiln Co", role="Ceramicist",
                                      offers="Glaze tips"))
    assert imported(system, scenario, export()).unchanged == 3
    imported(system, scenario, export((0, {"Company": "Kiln & Clay"})))
    system.runner.catch_up()
    with system.writer.transaction() as tx:
        row = tx.fetchall("SELECT company, role, offers FROM attendees WHERE attendee_id = ?",
                          (ada["attendee_id"],))[0]
    assert tuple(row) == ("Kiln & Clay", "Ceramicist", "Glaze tips")


def test_rows_the_event_refuses_come_back_with_line_and_reason(system, scenario):
    scenario.guest("Hana Horvat")  # registered by hand: hana.horvat@example.org
    imported(system, scenario, export())
    rows = [sheet_row("ABC12-1", "Ada Adler", "ada.new@example.org"),
            sheet_row("H1-1", "Hana Horvat", "hana.horvat@example.org"),
            sheet_row("V1-1", "Ivo Ivanova", "ivo@example.org", lists="VIP lounge")]
    tally = imported(system, scenario, sheet_csv(rows).encode())
    assert tally.as_dict()["bad"] == [
        [2, "This ticket was imported for another email: an import gives no ticket to someone"
            " else."],
        [3, "This email is already registered for this event, but not by an import of this"
            " ticket."],
        [4, "This event has no check-in list 'VIP lounge' (it has: Main entrance, Workshop"
            " room)."]]
    assert tally.created == 0


def test_someone_forgotten_is_not_brought_back_by_a_file(system, scenario):
    imported(system, scenario, export())
    ada = attendees(system, scenario)["Ada Adler"]
    system.app.forget_person(SYSTEM_ACTOR, uuid.uuid4(), uuid.UUID(ada["person_id"]))
    tally = imported(system, scenario, export())
    assert tally.as_dict()["bad"] == [[2, "This person asked to be forgotten: remove the row"
                                          " from the file."]]
    assert tally.unchanged == 2


def test_a_person_from_another_event_is_found_by_email(system, scenario):
    alice = scenario.person("Alice Archer", "alice@example.org")
    row = sheet_row("A1-1", "Alice Archer", "ALICE@example.org")
    assert imported(system, scenario, sheet_csv([row]).encode()).created == 1
    assert attendees(system, scenario)["Alice Archer"]["person_id"] == str(alice)


def test_only_the_events_organizers_import(system, scenario):
    guest = scenario.guest("Mallory Mole")
    with pytest.raises(NotAllowedError):
        imported(system, scenario, export(), actor=guest.person_id)


def test_the_command_takes_one_row_per_person_whoever_calls_it(system, scenario):
    rows = [ImportRow(2, "Ada Adler", "ada@example.org"),
            ImportRow(3, "Ada Again", "ADA@example.org")]
    answer = system.app.import_attendees(scenario.organizer, uuid.uuid4(),
                                         scenario.conference_id, rows).result
    assert (answer["created"], answer["refused"]) == (1, [[3, "The same person as line 2."]])


def test_reading_many_aggregates_at_once_reads_what_one_at_a_time_reads(system, scenario):
    """The bulk read goes under the library, to its events table: it must agree with it."""
    imported(system, scenario, export((0, {"Company": "Kiln & Clay"})))
    imported(system, scenario, export())
    ids = {uuid.UUID(row["attendee_id"]) for row in attendees(system, scenario).values()}
    ids |= {scenario.organizer, scenario.conference_id}
    many = system.app.find_all(ids | {uuid.uuid4()})
    assert set(many) == ids
    for aggregate_id, aggregate in many.items():
        one = system.app.repository.get(aggregate_id)
        assert (type(aggregate), aggregate.version, vars(aggregate)) == \
               (type(one), one.version, vars(one))


def test_a_reimport_from_a_file_that_lost_letters_keeps_the_names_as_they_were(system, scenario):
    people = [sheet_row("CZ1-1", "Tomáš Černý", "tomas@example.org", "Škoda Labs"),
              sheet_row("VN1-1", "Linh Nguyễn", "linh@example.org", "Cyberdyne")]
    imported(system, scenario, sheet_csv(people).encode())
    spoilt = sheet_csv(people).encode("latin-1", errors="replace")  # "Nguy?n", "?koda Labs"
    read_as_cp1252 = sheet_csv([{**people[0], "Company": "Skoda Labs", "Name": "Tomas Cerny"},
                                {**people[1], "Company": "Cyber",
                                 "Name": "Linh Nguyễn".encode().decode("cp1252", "replace")}])
    tally = imported(system, scenario, spoilt)
    assert (tally.created, tally.updated, tally.unchanged) == (0, 0, 2)
    assert tally.as_dict()["kept"] == [
        [2, "Kept as imported before: name and company in the file lost letters to its"
            " encoding (save it as UTF-8)."],
        [3, "Kept as imported before: name in the file lost letters to its encoding (save it"
            " as UTF-8)."]]
    again = imported(system, scenario, read_as_cp1252.encode())
    assert (again.updated, len(again.kept)) == (1, 2)  # Cyber is a real change, made
    found = attendees(system, scenario)
    assert set(found) == {"Tomáš Černý", "Linh Nguyễn"}
    assert found["Linh Nguyễn"]["company"] == "Cyber"


def test_a_ticket_type_is_kept_on_the_ticket_and_a_new_one_changes_only_the_ticket(
        system, scenario):
    row = {**sheet_row("T1-1", "Tara Tan", "tara@example.org", lists=""),
           "Ticket type": "Conference pass"}
    imported(system, scenario, csv_text([*SHEET, "Ticket type"], [row]).encode())
    before = event_count(system)
    upgraded = {**row, "Ticket type": "Workshop day"}
    tally = imported(system, scenario, csv_text([*SHEET, "Ticket type"], [upgraded]).encode())
    assert (tally.updated, tally.unchanged) == (1, 0)
    assert recorded_since(system, before) == {"Ticket.Typed", "ImportedTicket.Reimported",
                                              "CommandReceipt.Recorded"}
    tara = attendees(system, scenario)["Tara Tan"]
    assert tara["ticket_type"] == "Workshop day"
    ticket = read(system, checkins.ticket_state, uuid.UUID(ticket_of(system, tara)))
    assert ticket["lists"] == []  # a type is no check-in list: every entrance
