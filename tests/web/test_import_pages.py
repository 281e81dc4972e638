"""The organizer's import pages through the test client: upload, a preview with every bad
row by its line, changing how the file reads, the import, its progress fragment and its
result; and the same for scripts through the API."""

from __future__ import annotations

import csv
import io
import re
import uuid

from goodwill.imports import jobs
from tests.ticketing import PRETIX_EXPORTS, nameless, pretix_csv, pretix_row
from tests.web.pages import assert_page, browser

HX = {"HX-Request": "true"}
ROWS = [pretix_row("ABC12", 1, "Ada Adler", "ada@example.org", "Töpferei Kiln"),
        pretix_row("ABC12", 2, "", "nameless@example.org"),
        pretix_row("XYZ99", 1, "Ben Brandt", "not-an-email"),
        pretix_row("XYZ99", 2, "Chloe <b>Costa</b>", "chloe@example.org",
                   product="Workshop room")]


def entrances(summit) -> dict[str, str]:
    """Each imported ticket type's check-in lists, once the read models have every import."""
    api = summit.api
    api.position = api.system.app.recorder.max_notification_id()
    api.read(summit.organizer, f"/events/{summit.event_id}/attendees")  # waits for them
    with api.system.writer.transaction() as tx:
        return dict(tx.fetchall("SELECT tt.ticket_type, ts.lists FROM ticket_types tt"
                                " JOIN ticket_state ts ON ts.ticket_id = tt.ticket_id"))


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]


def uploaded(summit, data: bytes, **fields: str):
    api = summit.api
    headers = browser(api.headers(summit.organizer))
    url = f"/events/{summit.event_id}/import"
    form = assert_page(api.client.get(url, headers=headers, params={"after": api.position}))
    return api.client.post(url, headers=headers, files={"file": ("summit.csv", data, "text/csv")},
                           data={"csrf_token": csrf(form), **fields}, follow_redirects=False)


def preview(summit, data: bytes) -> tuple[str, str]:
    answer = uploaded(summit, data)
    assert answer.status_code == 303, answer.text
    url = answer.headers["location"]
    headers = browser(summit.api.headers(summit.organizer))
    return url, assert_page(summit.api.client.get(url, headers=headers))


def test_the_preview_shows_how_the_file_reads_and_every_bad_row_by_line(summit):
    url, page = preview(summit, pretix_csv(ROWS, ";").encode("cp1252"))
    assert "Windows-1252 (Latin-1)" in page and "semicolons" in page
    assert "pretix order positions" in page and "Import 2 attendees" in page
    assert "<td><bdi>ada@example.org</bdi></td>" in page and "<td><bdi>ABC12-1</bdi></td>" in page
    assert "<td><bdi>Töpferei Kiln</bdi></td>" in page
    assert "<td>3</td><td>Missing name.</td>" in page
    assert "<td>4</td><td>The email address is not valid.</td>" in page
    assert "<td><bdi>Chloe &lt;b&gt;Costa&lt;/b&gt;</bdi></td>" in page and "<b>Costa" not in page
    assert '<label for="map-name-2">Name, joined with</label>' in page
    assert '<option value="18" selected>Company (column 19)</option>' in page


def test_importing_shows_the_counts_and_importing_again_changes_nothing(summit):
    api = summit.api
    headers = browser(api.headers(summit.organizer))
    url, page = preview(summit, pretix_csv(ROWS).encode())
    started = api.client.post(url, headers=headers, data={"csrf_token": csrf(page)},
                              follow_redirects=False)
    assert started.status_code == 303
    done = assert_page(api.client.get(url, headers=headers))
    assert "Import finished" in done
    counts = dict(re.findall(r"<dt>(\w[\w ]*)</dt><dd>(\d+)</dd>", done))
    assert counts == {"Created": "2", "Updated": "0", "Unchanged": "0", "Not imported": "2"}
    assert "<td>3</td><td>Missing name.</td>" in done
    assert api.client.get(url, headers={**headers, **HX}).headers["HX-Refresh"] == "true"
    again = api.client.post(url, headers=headers, data={"csrf_token": csrf(page)},
                            follow_redirects=False)
    assert again.status_code == 303 and "Import finished" in api.client.get(url, headers=headers).text
    _, second = preview(summit, pretix_csv(ROWS).encode())
    second_url = re.search(r'<form method="post" action="(/events/[^"]+)">', second)[1]
    api.client.post(second_url, headers=headers, data={"csrf_token": csrf(second)})
    counts = dict(re.findall(r"<dt>(\w[\w ]*)</dt><dd>(\d+)</dd>",
                             api.client.get(second_url, headers=headers).text))
    assert counts == {"Created": "0", "Updated": "0", "Unchanged": "2", "Not imported": "2"}


def test_the_separator_preset_and_columns_can_be_changed_before_importing(summit):
    api = summit.api
    headers = browser(api.headers(summit.organizer))
    url, page = preview(summit, b"Full name,Mail,Firm\nAda Adler,ada@example.org,Kiln Co\n")
    assert "Generic CSV" in page and "<td>2</td><td>Missing email.</td>" in page
    token = csrf(page)
    api.client.post(f"{url}/columns", headers=headers,
                    data={"csrf_token": token, "name": "0", "email": "1", "company": "2"})
    page = assert_page(api.client.get(url, headers=headers))
    assert "<td><bdi>Kiln Co</bdi></td>" in page and "Import 1 attendee" in page
    api.client.post(f"{url}/reading", headers=headers,
                    data={"csrf_token": token, "preset": "generic", "separator": "semicolon"})
    page = assert_page(api.client.get(url, headers=headers))
    assert "semicolons" in page and "<td>2</td><td>Missing name.</td>" in page
    refused = api.client.post(f"{url}/columns", headers=headers,
                              data={"csrf_token": token, "name": "7"})
    assert refused.status_code == 400


def test_pending_orders_and_the_entrances_of_each_product_are_chosen_on_the_preview(summit):
    api = summit.api
    headers = browser(api.headers(summit.organizer))
    url, page = preview(summit, pretix_csv([
        pretix_row("P1", 1, "Ada Adler", "ada@example.org", product="Conference pass"),
        {**pretix_row("P2", 1, "Ben Brandt", "ben@example.org", product="Workshop day"),
         "Status": "pending"},
        pretix_row("P3", 1, "Ada Adler", "ada@example.org", product="Workshop day")]).encode())
    assert "Import 1 attendee<" in page and "(with 1 further ticket of theirs)" in page
    assert "1 skipped (1 pending)" in page
    assert "<legend><bdi>Conference pass</bdi> <span" in page and "<legend><bdi>Workshop day</bdi> <span" in page
    token = csrf(page)
    nowhere = api.client.post(f"{url}/lists", headers=headers,
                              data={"csrf_token": token, "lists-0": "main"})
    assert nowhere.status_code == 400 and "Tick at least one check-in list for Workshop day" \
        in nowhere.text
    api.client.post(f"{url}/lists", headers=headers,
                    data={"csrf_token": token, "lists-0": "main", "lists-1": "workshop"})
    api.client.post(f"{url}/reading", headers=headers,
                    data={"csrf_token": token, "preset": "pretix", "pending": "yes"})
    page = assert_page(api.client.get(url, headers=headers))
    assert "Import 2 attendees" in page and "skipped" not in page
    assert 'name="pending" value="yes" checked' in page
    assert 'id="lists-0-workshop" name="lists-0" value="workshop">' in page  # unticked
    api.client.post(url, headers=headers, data={"csrf_token": csrf(page)})
    assert "Import finished" in api.client.get(url, headers=headers).text
    assert entrances(summit) == {"Conference pass + Workshop day": '["main", "workshop"]',
                     "Workshop day": '["workshop"]'}


def test_a_file_that_is_no_table_comes_back_with_the_reason_by_its_field(summit):
    answer = uploaded(summit, b"")
    page = assert_page(answer, 400)
    assert '<p class="error" id="file-error" role="alert">The file is empty' in page
    assert 'aria-describedby="file-error"' in page


def test_a_pdf_is_refused_in_one_sentence_and_a_workbook_previews(summit):
    page = assert_page(uploaded(summit, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), 400)
    assert ('id="file-error" role="alert">This is a PDF document, not a spreadsheet: export'
            ' the attendees as CSV or Excel (.xlsx).') in page
    _, page = preview(summit, (PRETIX_EXPORTS / "techconf26_orderlist_combined.xlsx").read_bytes())
    assert "Excel workbook, sheet &#39;Order positions&#39;" in page
    assert "Import 309 attendees" in page and "(with 34 further tickets of theirs)" in page
    assert "Importing now would create <strong>309</strong>, update <strong>0</strong>" in page


def test_the_preview_shows_the_first_twenty_problems_and_counts_the_rest(summit):
    _, page = preview(summit, nameless("techconf26_orderlist_positions_comma.csv", 25))
    assert "Rows not imported (25)" in page and page.count("Missing name.") == 20
    assert "The first 20 are shown, and 5 more rows are not imported." in page


def test_the_preview_is_a_dry_run_that_shows_what_the_event_would_refuse(summit):
    rows = [pretix_row("NEW01", 1, "Dario Dubois", "dario@example.org"),
            pretix_row("NEW01", 2, "Alice", "alice@example.org")]  # registered by hand
    _, page = preview(summit, pretix_csv(rows).encode())
    assert "Importing now would create <strong>1</strong>, update <strong>0</strong>" in page
    assert "Rows not imported (1)" in page and "This email is already registered" in page
    assert summit.api.system.app.recorder.max_notification_id() == summit.api.position


def test_the_rows_not_imported_download_as_the_file_had_them_with_why(summit):
    rows = [pretix_row("NEW01", 1, "Dario Dubois", "dario@example.org"),
            pretix_row("NEW01", 2, "=Alice", "alice@example.org"),  # registered by hand
            pretix_row("NEW01", 3, "", "nameless@example.org")]
    url, page = preview(summit, pretix_csv(rows).encode())
    assert f'href="{url}/rejected.csv"' in page
    api = summit.api
    got = api.client.get(f"{url}/rejected.csv", headers=browser(api.headers(summit.organizer)))
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "attachment" in got.headers["content-disposition"]
    header, *lines = list(csv.reader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert header[-1] == "Why not imported" and len(lines) == 2
    named = [dict(zip(header, line)) for line in lines]
    assert (named[0]["Attendee name"], named[0]["Attendee email"]) == ("'=Alice",
                                                                       "alice@example.org")
    assert named[0]["Why not imported"].startswith("This email is already registered")
    assert named[1]["Why not imported"] == "Missing name."
    for who in (summit.people["Alice"], summit.people["Sam"]):
        refused = api.client.get(f"{url}/rejected.csv", headers=browser(api.headers(who)))
        assert refused.status_code in (403, 404)


def test_a_running_import_is_a_small_fragment_that_polls_itself(summit):
    url, _ = preview(summit, pretix_csv(ROWS).encode())
    import_id = uuid.UUID(url.rsplit("/", 1)[1])
    system = summit.api.system
    assert jobs.claim(system.writer, import_id, summit.organizer)
    jobs.advance(system.writer, import_id, 500, 2000)
    headers = browser(summit.api.headers(summit.organizer))
    fragment = summit.api.client.get(url, headers={**headers, **HX})
    text = assert_page(fragment)
    assert "<html" not in text and len(fragment.content) < 8192
    assert f'hx-get="{url}" hx-trigger="every 1s"' in text
    assert '<progress id="import-bar" max="2000" value="500">' in text
    assert f'<a href="{url}">Refresh</a>' in text and "Resume" not in text
    assert "<h1>" in assert_page(summit.api.client.get(url, headers=headers))


def test_only_the_events_organizers_see_its_imports(summit):
    url, _ = preview(summit, pretix_csv(ROWS).encode())
    api = summit.api
    for who in (summit.people["Alice"], summit.people["Sam"]):
        refused = api.client.get(url, headers=browser(api.headers(who)))
        assert refused.status_code == 403 and "ada@example.org" not in refused.text
    assert api.client.get(url).status_code == 401


def test_scripts_import_through_the_api_and_a_repeat_is_the_same_import(summit):
    api = summit.api
    body = {"command_id": str(uuid.uuid4()), "csv": pretix_csv(ROWS)}
    path = f"/events/{summit.event_id}/imports"
    dry = api.post(summit.organizer, path, **{**body, "dry_run": True}).json()
    assert (dry["rows"], dry["created"], dry["dry_run"]) == (2, 2, True)  # would create
    first = api.post(summit.organizer, path, **body).json()
    assert (first["preset"], first["created"], first["unchanged"]) == ("pretix", 2, 0)
    assert first["not_imported"] == [{"line": 3, "reason": "Missing name."},
                                     {"line": 4, "reason": "The email address is not valid."}]
    assert api.post(summit.organizer, path, **body).json() == first
    fresh = api.post(summit.organizer, path, **{**body, "command_id": str(uuid.uuid4())}).json()
    assert (fresh["created"], fresh["unchanged"], fresh["changes"]) == (0, 2, [])
    moved = pretix_csv([{**ROWS[0], "Company": "Kiln & Co"}, *ROWS[1:]])
    would = api.post(summit.organizer, path, command_id=str(uuid.uuid4()), csv=moved,
                     dry_run=True).json()
    assert would["changes"] == [{"line": 2, "field": "company", "old": "Töpferei Kiln",
                                 "new": "Kiln & Co"}]
    named = api.post(summit.organizer, path, command_id=str(uuid.uuid4()), csv=pretix_csv(ROWS),
                     mapping={"name": ["Attendee name: Family name"],
                              "email": ["Attendee email"]}, dry_run=True).json()
    assert named["rows"] == 2
    wrong = api.post(summit.organizer, path, command_id=str(uuid.uuid4()), csv=pretix_csv(ROWS),
                     mapping={"name": ["Nickname"]})
    assert wrong.status_code == 422 and "no column 'Nickname'" in wrong.json()["detail"]


def test_scripts_choose_pending_orders_and_the_entrances_of_each_product(summit):
    api = summit.api
    path = f"/events/{summit.event_id}/imports"
    rows = pretix_csv([
        pretix_row("P1", 1, "Ada Adler", "ada@example.org", product="Conference pass"),
        {**pretix_row("P2", 1, "Ben Brandt", "ben@example.org", product="Workshop day"),
         "Status": "pending"},
        pretix_row("P3", 1, "Ada Adler", "ada@example.org", product="Workshop day")])
    paid = api.post(summit.organizer, path, command_id=str(uuid.uuid4()), csv=rows,
                    dry_run=True).json()
    assert (paid["rows"], paid["further_tickets"], paid["skipped"]) == (1, 1, {"pending": 1})
    done = api.post(summit.organizer, path, command_id=str(uuid.uuid4()), csv=rows,
                    include_pending=True, lists={"Conference pass": ["Main entrance"],
                                                 "Workshop day": ["workshop"]}).json()
    assert (done["created"], done["further_tickets"], done["skipped"]) == (2, 1, {})
    assert entrances(summit) == {"Conference pass + Workshop day": '["main", "workshop"]',
                     "Workshop day": '["workshop"]'}
    unknown = api.post(summit.organizer, path, command_id=str(uuid.uuid4()), csv=rows,
                       include_pending=True, lists={"Workshop day": ["Balcony"]},
                       dry_run=True).json()
    assert unknown["not_imported"] == [{"line": 3, "reason": "This event has no check-in list"
                                        " 'Balcony' (it has: Main entrance, Workshop room)."}]


def test_the_preview_of_a_re_import_lists_each_change_old_to_new(summit):
    api = summit.api
    headers = browser(api.headers(summit.organizer))
    url, page = preview(summit, pretix_csv(ROWS).encode())
    api.client.post(url, headers=headers, data={"csrf_token": csrf(page)})
    changed = [{**ROWS[0], "Company": "Kiln & Co"}, *ROWS[1:3],
               {**ROWS[3], "Product": "Main entrance"}]
    _, page = preview(summit, pretix_csv(changed).encode())
    assert "What importing would change (2)" in page
    assert ("<tr><td>2</td><td>Company</td><td><bdi>Töpferei Kiln</bdi></td><td><bdi>Kiln &amp; Co</bdi></td></tr>"
            in page)
    assert ("<tr><td>5</td><td>Ticket type</td><td><bdi>Workshop room</bdi></td><td><bdi>Main entrance</bdi></td>"
            in page)
    _, unchanged = preview(summit, pretix_csv(ROWS).encode())
    assert "What importing would change" not in unchanged
