"""An organizer imports attendees on a laptop, in a real browser: uploads a pretix export
with some bad rows, sees each of them reported by its line before importing, downloads
them to fix, imports, and
reads the counts; with scripts on the progress updates itself, with scripts off a link
refreshes it. The pages pass axe-core's WCAG checks."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.browser.test_accessibility import violations
from tests.browser.test_journey import post_sign_in, sign_in
from tests.ticketing import pretix_csv, pretix_row

ROWS = [pretix_row("ABC12", 1, "Dario Dubois", "dario@example.org", "Atlas\nRobotics"),
        pretix_row("ABC12", 2, "", "nameless@example.org"),
        pretix_row("XYZ99", 1, "Elif Eriksen", "elif@example.org", "Bluefin Labs",
                   product="Workshop room"),
        pretix_row("XYZ99", 2, "Farah Fischer", "not-an-email"),
        pretix_row("QRS55", 1, "Goran Garcia", "DARIO@example.org"),
        pretix_row("QRS55", 2, "Hana Horváth", "hana@example.org", product="Main entrance")]
"""Line 2 holds a line break in its company, so the rows after start a line later:
missing name on line 4, a bad email on line 6, Dario's email again on line 7."""
BAD = [("4", "Missing name."), ("6", "The email address is not valid."),
       ("7", "Same email as line 2 for another name: one person per email.")]


def export(tmp_path: Path) -> Path:
    path = tmp_path / "summit_orderpositions.csv"
    path.write_bytes(pretix_csv(ROWS, ";").encode("cp1252"))
    return path


def uploaded(page: Page, tmp_path: Path) -> None:
    """From home to the preview, as an organizer finds it."""
    page.goto("/")
    page.get_by_role("link", name="Import attendees").click()
    page.get_by_label("CSV or Excel file").set_input_files(export(tmp_path))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_role("heading", name="How the file reads", exact=True)).to_be_visible()


def bad_rows(page: Page) -> list[tuple[str, str]]:
    table = page.get_by_role("region", name="Rows not imported (3)").get_by_role("table")
    return [tuple(row.get_by_role("cell").all_inner_texts())
            for row in table.get_by_role("row").all()[1:]]


def counts(page: Page) -> dict[str, str]:
    terms = page.locator(".counts dt").all_inner_texts()
    return dict(zip(terms, page.locator(".counts dd").all_inner_texts()))


def test_an_organizer_imports_a_pretix_export_and_sees_bad_rows_by_line(laptop, live_server,
                                                                       console, screenshot,
                                                                       tmp_path):
    page = sign_in(laptop(), live_server.organizer, live_server.url)
    uploaded(page, tmp_path)
    expect(page.get_by_text("as pretix order positions")).to_be_visible()
    expect(page.get_by_text("Windows-1252 (Latin-1)")).to_be_visible()
    assert bad_rows(page) == BAD
    first = page.get_by_role("region", name="The first rows, as they will be imported")
    expect(first.get_by_role("row", name="Atlas Robotics")).to_contain_text("ABC12-1")
    screenshot(page, "import-preview")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the rows not imported (CSV)").click()
    assert download.value.suggested_filename == "summit_orderpositions-not-imported.csv"
    rejected = list(csv.reader(io.StringIO(
        Path(download.value.path()).read_text("utf-8-sig"), newline=""), delimiter=";"))
    assert [(row[2], row[14], row[-1]) for row in rejected[1:]] == [
        ("2", "", "Missing name."), ("2", "Farah Fischer", "The email address is not valid."),
        ("1", "Goran Garcia", "Same email as line 2 for another name: one person per email.")]
    page.get_by_role("button", name="Import 3 attendees").click()
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible()
    assert counts(page) == {"Created": "3", "Updated": "0", "Unchanged": "0",
                            "Not imported": "3"}
    assert bad_rows(page) == BAD
    screenshot(page, "import-finished")
    assert not console


def test_the_progress_updates_itself_until_the_counts_show(laptop, live_server, console,
                                                          tmp_path):
    """Big enough to be running when the page after the button loads."""
    crowd = [pretix_row(f"C{n:05}", 1, f"Guest {n}", f"guest{n}@example.org")
             for n in range(2000)]
    path = tmp_path / "crowd.csv"
    path.write_text(pretix_csv(crowd))
    page = sign_in(laptop(), live_server.organizer, live_server.url)
    page.goto(f"/events/{live_server.organizer.event_id}/import")
    page.get_by_label("CSV or Excel file").set_input_files(path)
    page.get_by_role("button", name="Upload and preview").click()
    page.get_by_role("button", name="Import 2000 attendees").click()
    expect(page.get_by_label(re.compile(r"\d+ of 2000 rows done"))).to_be_visible()
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible(timeout=60_000)
    assert counts(page)["Created"] == "2000"
    assert not console


def test_with_scripts_off_the_refresh_link_shows_how_far_it_got(laptop, live_server, console,
                                                                tmp_path):
    context = laptop(javascript=False)
    post_sign_in(context, live_server.organizer, live_server.url)
    page = context.new_page()
    uploaded(page, tmp_path)
    page.get_by_role("button", name="Import 3 attendees").click()
    finished = page.get_by_role("heading", name="Import finished")
    for _ in range(50):  # each round trip lets the server's task get further
        if finished.count():
            break
        page.get_by_role("link", name="Refresh").click()
    expect(finished).to_be_visible()
    assert counts(page)["Created"] == "3"
    assert not console


def test_the_import_pages_pass_wcag_checks(laptop, live_server, tmp_path):
    """Without the CSP for this context only: axe-core is injected to check the page."""
    page = sign_in(laptop(bypass_csp=True), live_server.organizer, live_server.url)
    found = {}
    uploaded(page, tmp_path)
    found["preview"] = violations(page)
    page.get_by_role("button", name="Import 3 attendees").click()
    expect(page.get_by_role("heading", name="Import finished")).to_be_visible()
    found["result"] = violations(page)
    page.get_by_role("link", name="Import another file").click()
    found["upload"] = violations(page)
    assert not any(found.values()), found
