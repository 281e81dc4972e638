"""An organizer downloads exports from the console's exports page in a real browser, and
independent readers parse what arrived: the attendees as CSV and as an Excel workbook, the
connections as GraphML."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx
import openpyxl
from playwright.sync_api import Page

from tests.browser.steps import met
from tests.browser.test_journey import sign_in


def downloaded(page: Page, title: str, folder: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("link", name=title).click()
    path = folder / download.value.suggested_filename
    download.value.save_as(path)
    return path


def test_an_organizer_downloads_exports_that_independent_readers_parse(laptop, phone,
                                                                      live_server, console,
                                                                      tmp_path):
    met(phone, live_server)
    page = sign_in(laptop(), live_server.organizer, live_server.url)
    page.get_by_role("link", name="Exports").first.click()
    names = {live_server.alice.name, live_server.bob.name}

    attendees = downloaded(page, "Attendees with check-in status (CSV)", tmp_path)
    assert attendees.name == "reciprocity-summit-attendees.csv"
    rows = list(csv.DictReader(io.StringIO(attendees.read_text("utf-8-sig"))))
    assert {row["name"] for row in rows} == names
    assert {row["checked_in"] for row in rows} == {"false"}

    workbook = openpyxl.load_workbook(downloaded(page, "Attendees with check-in status (Excel)",
                                                 tmp_path), read_only=True)
    sheet = list(workbook.active.iter_rows(values_only=True))
    column = sheet[0].index("name")
    assert {row[column] for row in sheet[1:]} == names

    graph = networkx.read_graphml(downloaded(
        page, "Connections as a graph (GraphML, opens in Gephi)", tmp_path))
    assert {graph.nodes[node]["name"] for node in graph.nodes} == names
    [(one, other)] = graph.edges
    assert {graph.nodes[one]["name"], graph.nodes[other]["name"]} == names
    assert not console
