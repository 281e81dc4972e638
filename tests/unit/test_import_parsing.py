"""Reading attendee exports: whose export it is, how it is encoded and separated, which
columns make which field, and every bad row named by the line it starts on."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from goodwill.imports.presets import mapping_named
from goodwill.imports.preview import prepare, prepare_bytes
from goodwill.imports.table import FileProblem
from tests.ticketing import (EVENTBRITE, PRETIX_CHECKIN, PRETIX_EXPORTS, csv_text,
                             eventbrite_row, pretix_csv, pretix_row)


def imported(prepared) -> list[tuple]:
    return [(r.line, r.name, r.email, r.company, r.role, r.external_id, r.lists)
            for r in prepared.rows]


def bad(prepared) -> list[tuple[int, str]]:
    return [(b.line, b.reason) for b in prepared.bad]


def test_the_orders_email_stands_in_where_pretix_asked_no_attendee_email():
    rows = [pretix_row("ABC12", 1, "Ada Adler", ""), pretix_row("ABC12", 2, "Ben", "ben@x.org")]
    prepared = prepare_bytes(pretix_csv(rows).encode())
    assert [(r.name, r.email) for r in prepared.rows] == [("Ada Adler", "buyer@example.org"),
                                                          ("Ben", "ben@x.org")]


def test_pretix_order_positions_take_the_attendee_columns_not_the_invoice_ones():
    text = pretix_csv([pretix_row("ABC12", 1, "Ada Adler", "ada@example.org", "Kiln Co",
                                  "Potter"),
                       pretix_row("ABC12", 2, "Ben Brandt", "ben@example.org",
                                  product="Workshop room")])
    prepared = prepare_bytes(text.encode())
    assert prepared.preset.key == "pretix" and prepared.encoding == "UTF-8"
    assert prepared.separator_name == "comma"
    assert imported(prepared) == [
        (2, "Ada Adler", "ada@example.org", "Kiln Co", "Potter", "ABC12-1", ()),
        (3, "Ben Brandt", "ben@example.org", "", "", "ABC12-2", ())]


def test_a_pretix_check_in_list_matches_tickets_by_their_secret():
    text = csv_text(PRETIX_CHECKIN, [{"Order code": "XY7Q2", "Attendee name": "Ada Adler",
                                      "Product": "Main entrance", "Secret": "s3cr3tvalue",
                                      "E-mail": "ada@example.org", "Company": "Kiln Co"}])
    prepared = prepare_bytes(text.encode())
    assert prepared.preset.key == "pretix-checkin"
    assert imported(prepared) == [(2, "Ada Adler", "ada@example.org", "Kiln Co", "",
                                   "s3cr3tvalue", ())]  # a product, not a list


def test_eventbrite_joins_first_and_last_name():
    text = csv_text(EVENTBRITE, [eventbrite_row(7, "Chloe", "Costa", "chloe@example.org",
                                                "Lumen Labs", "CTO")])
    prepared = prepare_bytes(text.encode())
    assert prepared.preset.key == "eventbrite"
    assert imported(prepared) == [(2, "Chloe Costa", "chloe@example.org", "Lumen Labs", "CTO",
                                   "1000007", ())]  # a ticket type, not a list


def test_a_generic_sheet_is_read_by_its_column_names_whatever_their_case():
    text = ("name,EMAIL,Company,Job title,Ticket ID,Check-in lists\n"
            "Dario Dubois,dario@example.org,Atlas,Founder,T-1,main|workshop\n")
    prepared = prepare_bytes(text.encode())
    assert prepared.preset.key == "generic"
    assert imported(prepared) == [(2, "Dario Dubois", "dario@example.org", "Atlas", "Founder",
                                   "T-1", ("main", "workshop"))]


def test_a_byte_order_mark_is_no_part_of_the_first_column_name():
    prepared = prepare_bytes("\ufeffName,Email\nElif Eriksen,elif@example.org\n".encode())
    assert prepared.encoding == "UTF-8 with byte-order mark"
    assert prepared.header[0] == "Name" and imported(prepared)[0][1] == "Elif Eriksen"


def test_windows_1252_from_excel_keeps_its_accents():
    prepared = prepare_bytes("Name;Email;Company\nJürgen Müller;j@example.org;Café Ü\n"
                             .encode("cp1252"))
    assert prepared.encoding == "Windows-1252 (Latin-1)" and prepared.separator_name == "semicolon"
    assert imported(prepared)[0][1:4] == ("Jürgen Müller", "j@example.org", "Café Ü")


def test_utf16_with_tabs_as_excel_saves_unicode_text():
    prepared = prepare_bytes("Name\tEmail\nZofia Zeller\tzofia@example.org\n".encode("utf-16"))
    assert prepared.encoding == "UTF-16" and prepared.separator_name == "tab"
    assert imported(prepared)[0][1:3] == ("Zofia Zeller", "zofia@example.org")


def test_semicolons_and_tabs_are_found_from_the_header_and_can_be_said():
    for separator, name in ((";", "semicolon"), ("\t", "tab")):
        text = pretix_csv([pretix_row("A1", 1, "Ada Adler", "ada@example.org",
                                      "Adler, Söhne & Co")], separator)
        prepared = prepare_bytes(text.encode())
        assert prepared.separator_name == name and prepared.preset.key == "pretix"
        assert imported(prepared)[0][3] == "Adler, Söhne & Co"
    said = prepare("Name;Email\nAda Adler;ada@example.org\n", "UTF-8", separator=",")
    assert said.header == ["Name;Email"] and bad(said) == [(2, "Missing name.")]


def test_every_bad_row_is_named_by_its_line_and_quoted_line_breaks_count():
    text = ("Name,Email,Company\n"
            "Ada Adler,ada@example.org,\"Kiln\nand Clay\"\n"  # lines 2-3
            ",nobody@example.org,\n"                         # 4
            "Ben Brandt,not-an-email,\n"                     # 5
            "\n"                                             # 6: blank, no row
            "Chloe Costa,ADA@example.org,\n"                 # 7
            "Dario Dubois,\"dario@example.org\",x,y\n"       # 8
            "Elif Eriksen,elif@example.org,\n")              # 9
    prepared = prepare(text, "UTF-8")
    assert imported(prepared) == [(2, "Ada Adler", "ada@example.org", "Kiln and Clay", "", "", ()),
                                  (9, "Elif Eriksen", "elif@example.org", "", "", "", ())]
    assert bad(prepared) == [
        (4, "Missing name."), (5, "The email address is not valid."),
        (7, "Same email as line 2 for another name: one person per email."),
        (8, "It has more values than the header has columns (3): is a separator inside a"
            " value without quotes?")]


def test_a_ticket_id_twice_is_a_bad_row_and_overlong_values_too():
    text = pretix_csv([pretix_row("A1", 1, "Ada Adler", "ada@example.org"),
                       pretix_row("A1", 1, "Ada Again", "again@example.org"),
                       pretix_row("A1", 2, "B" * 121, "b@example.org")])
    assert bad(prepare_bytes(text.encode())) == [
        (3, "Same ticket id as line 2: one row per ticket."),
        (4, "Name is longer than 120 characters.")]


def test_the_mapping_can_be_given_by_column_names():
    text = csv_text(EVENTBRITE, [eventbrite_row(1, "Ada", "Adler", "ada@example.org",
                                                ticket="VIP")])
    prepared = prepare_bytes(text.encode())
    mapping = mapping_named(prepared.header, {"name": ["Last Name", "First Name"],
                                              "email": ["Email"], "external_id": ["Order #"]})
    again = prepare(text, "UTF-8", mapping=mapping)
    assert imported(again) == [(2, "Adler Ada", "ada@example.org", "", "", "900001", ())]
    with pytest.raises(ValueError, match="no column 'Badge'"):
        mapping_named(prepared.header, {"name": ["Badge"]})


def test_a_file_that_is_no_table_is_refused_whole():
    with pytest.raises(FileProblem, match="empty"):
        prepare("", "UTF-8")
    with pytest.raises(FileProblem, match="Line 2: field larger than field limit"):
        prepare(f'Name,Email\n"{"x" * 200_000}",a@example.org\n', "UTF-8")


def test_control_characters_make_a_bad_row():
    prepared = prepare("Name,Email\nAda\0Adler,ada@example.org\n", "UTF-8")
    assert bad(prepared) == [(2, "Name holds a control character.")]


def test_tickets_that_do_not_stand_are_passed_over_and_counted_by_status():
    rows = [pretix_row("A1", 1, "Ada Adler", "ada@example.org"),
            {**pretix_row("B2", 1, "Ben Brandt", "ben@example.org"), "Status": "pending"},
            {**pretix_row("C3", 1, "Chloe Costa", "chloe@example.org"), "Status": "canceled"},
            {**pretix_row("C3", 2, "Dario Dubois", "dario@example.org"), "Status": "Canceled"}]
    prepared = prepare_bytes(pretix_csv(rows).encode())
    assert [r.name for r in prepared.rows] == ["Ada Adler"] and prepared.bad == []
    assert prepared.skipped_said == "3 skipped (2 canceled, 1 pending)"
    with_pending = prepare_bytes(pretix_csv(rows).encode(), pending=True)
    assert [r.name for r in with_pending.rows] == ["Ada Adler", "Ben Brandt"]
    assert with_pending.skipped == {"canceled": 2}


def test_eventbrite_imports_who_attends_and_passes_over_who_does_not():
    rows = [eventbrite_row(1, "Ada", "Adler", "ada@example.org"),
            {**eventbrite_row(2, "Ben", "Brandt", "ben@example.org"),
             "Attendee Status": "Not Attending"}]
    prepared = prepare_bytes(csv_text(EVENTBRITE, rows).encode())
    assert [r.name for r in prepared.rows] == ["Ada Adler"]
    assert prepared.skipped == {"not attending": 1}


def test_an_excel_workbook_is_read_from_its_order_positions_sheet_row_by_row():
    out = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.title = "Orders"
    book.active.append(["Order code", "Total"])
    positions = book.create_sheet("Order positions")
    header = ["Order code", "Position ID", "Status", "Email", "Attendee name", "Attendee email",
              "Attendee company", "Job title"]
    positions.append(header)
    positions.append(["ABC12", 1, "paid", "buyer@example.org", "Ada Adler", None,
                      "Kiln\nCo", "Potter"])
    positions.append(["ABC12", 2.0, "paid", "buyer@example.org", "Ben Brandt",
                      "ben@example.org", None, None])
    book.save(out)
    prepared = prepare_bytes(out.getvalue())
    assert prepared.encoding == "Excel workbook, sheet 'Order positions'"
    assert imported(prepared) == [
        (2, "Ada Adler", "buyer@example.org", "Kiln Co", "Potter", "ABC12-1", ()),
        (3, "Ben Brandt", "ben@example.org", "", "", "ABC12-2", ())]


@pytest.mark.parametrize("data, said", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "This is a PDF document, not a spreadsheet"),
    (b"PK\x03\x04\x14\x00\x06\x00", "This is a ZIP archive but no Excel workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "This is an old Office file (.xls)"),
    (b"\x00\x01\x02name,email", "This file is not text, nor an Excel workbook")])
def test_a_file_that_is_no_spreadsheet_is_refused_in_one_sentence(data, said):
    with pytest.raises(FileProblem, match=re.escape(said)):
        prepare_bytes(data)


def test_the_shops_questions_about_offers_and_needs_fill_the_profile():
    prepared = prepare_bytes((PRETIX_EXPORTS / "techconf26_checkin_main_comma.csv").read_bytes())
    assert [prepared.header[i] for i in prepared.mapping["offers"] + prepared.mapping["needs"]] \
        == ["What do you offer?", "What do you need?"]
    agnieszka = prepared.rows[0]
    assert (agnieszka.role, agnieszka.offers) == ('VP "Growth"', "Rust training; also Go")
    sheet = prepare_bytes(b"Name,Email,Offers,Needs\nAda,ada@example.org,Glaze tips,A kiln\n")
    assert (sheet.rows[0].offers, sheet.rows[0].needs) == ("Glaze tips", "A kiln")
