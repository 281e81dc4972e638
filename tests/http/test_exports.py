"""Every export, downloaded by the event's organizer and written by ``goodwill export``: the
two are the same file, an independent reader parses it, its values are the event's, and
nobody who did not share their profile with the organizers (or was forgotten) is in it."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import uuid
import zlib

import networkx
import openpyxl
import pytest

from tests.http.exporting import FORMULA, OFFLINE_SCAN_UTC, Gathering, gather

SHARING = ("Alice", "Bob", "Zoë Ünal")


@pytest.fixture
def gathering(summit) -> Gathering:
    return gather(summit)


@pytest.fixture
def export(gathering, tmp_path, monkeypatch):
    """The download's bytes, once checked against the command line's file and for names."""
    def exported(name: str) -> bytes:
        response, written = gathering.both(name, tmp_path, monkeypatch)
        if not name.endswith(".xlsx"):  # a workbook records when it was written
            assert written == response.content
        gathering.assert_names_nobody_hidden(response.content)
        gathering.assert_names_nobody_hidden(written)
        return response.content
    return exported


def csv_rows(content: bytes) -> list[dict[str, str]]:
    """As Excel sees it: a BOM saying UTF-8, CRLF line ends, RFC 4180 quoting."""
    assert content.startswith(b"\xef\xbb\xbf") and content.endswith(b"\r\n")
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_attendees_as_csv_name_only_those_who_share(gathering, export):
    rows = csv_rows(export("attendees.csv"))
    assert [r["name"] for r in rows] == [*SHARING, "", ""]
    alice, bob, zoe, *anonymous = rows
    assert alice["person_id"] == gathering.people["Alice"] and alice["email"] == "alice@example.org"
    assert (alice["checked_in"], alice["main_checked_in_at"], alice["main_inside"]) == (
        "true", OFFLINE_SCAN_UTC, "true")
    assert (bob["main_inside"], bob["workshop_inside"]) == ("false", "true")
    assert zoe["checked_in"] == "false" and zoe["main_checked_in_at"] == ""
    assert (zoe["company"], zoe["role"]) == ("'" + FORMULA, "'+Founder"), "no formula runs"
    for row in anonymous:
        assert row["shared"] == "false" and row["checked_in"] == row["main_inside"] == "true"
        assert not any(row[c] for c in ("person_id", "name", "email", "company", "offers"))


def test_attendees_as_a_workbook_hold_the_same_rows_with_text_never_a_formula(gathering,
                                                                              export):
    sheet = openpyxl.load_workbook(io.BytesIO(export("attendees.xlsx"))).active
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    as_csv = csv_rows(gathering.download("attendees.csv").content)
    assert header == list(as_csv[0])
    assert [r[header.index("name")] for r in rows] == [*SHARING, None, None]
    zoe = dict(zip(header, rows[2]))
    assert (zoe["company"], zoe["role"], zoe["checked_in"]) == (FORMULA, "+Founder", False)
    assert sheet.cell(row=4, column=header.index("company") + 1).data_type == "s"
    assert dict(zip(header, rows[0]))["main_checked_in_at"] == OFFLINE_SCAN_UTC


def test_the_scan_log_has_every_scan_with_device_and_server_time(gathering, export):
    rows = csv_rows(export("scan-log.csv"))
    assert len(rows) == 6 and [r["scanned_at"] for r in rows] == sorted(
        r["scanned_at"] for r in rows)
    late = rows[0]
    assert (late["name"], late["scanned_at"], late["list_name"]) == (
        "Alice", OFFLINE_SCAN_UTC, "Main entrance")
    assert late["received_at"] > late["scanned_at"], "sent later by an offline device"
    assert [(r["name"], r["direction"], r["list_key"]) for r in rows[1:4]] == [
        ("Bob", "in", "main"), ("Bob", "in", "workshop"), ("Bob", "out", "main")]
    assert [(r["name"], r["person_id"]) for r in rows[4:]] == [("", "")] * 2
    assert all(r["ticket_id"] for r in rows)


def test_connections_as_an_edge_list_only_between_people_who_both_share(gathering, export):
    rows = csv_rows(export("connections.csv"))
    edges = {frozenset((r["name_a"], r["name_b"])): r for r in rows}
    assert set(edges) == {frozenset(("Alice", "Bob")), frozenset(("Alice", "Zoë Ünal"))}
    assert edges[frozenset(("Alice", "Bob"))]["method"] == "badge"
    assert edges[frozenset(("Alice", "Zoë Ünal"))]["method"] == "badge"
    assert all(r["met_at"].endswith("Z") and r["person_a"] < r["person_b"] for r in rows)


def test_connections_as_graphml_open_as_a_graph_of_named_people(gathering, export):
    graph = networkx.read_graphml(io.BytesIO(export("connections.graphml")))
    people = gathering.people
    assert not graph.is_directed()
    assert {graph.nodes[n]["name"] for n in graph} == set(SHARING)
    assert graph.nodes[people["Alice"]] == {"label": "Alice", "name": "Alice",
                                            "company": "Alice Ltd"}
    assert graph.nodes[people["Zoë"]]["company"] == FORMULA
    assert {frozenset(e) for e in graph.edges} == {
        frozenset((people["Alice"], people["Bob"])), frozenset((people["Alice"], people["Zoë"]))}
    assert graph.edges[people["Alice"], people["Bob"]]["method"] == "badge"


def test_gives_are_totalled_per_attendee_and_kind(gathering, export):
    rows = {r["name"]: r for r in csv_rows(export("gives.csv"))}
    assert list(rows) == list(SHARING)
    alice, bob = rows["Alice"], rows["Bob"]
    assert {k: v for k, v in alice.items() if v not in ("0", "")} == {
        "person_id": gathering.people["Alice"], "name": "Alice", "company": "Alice Ltd",
        "gave_advice": "1", "gave_insight": "1", "gave_introduction": "2", "gave_total": "4",
        "gave_thanked": "1", "received_referral": "1", "received_resource": "1",
        "received_total": "2"}
    assert (bob["received_support"], bob["received_total"], bob["received_thanked"]) == (
        "1", "3", "1"), "a forgotten giver's give still counts"
    assert set(rows["Zoë Ünal"].values()) - {"0"} == {
        gathering.people["Zoë"], "Zoë Ünal", "'" + FORMULA}


def test_timelines_are_those_of_people_who_share_without_private_notes(gathering, export):
    lines = export("timelines.ndjson").decode().splitlines()
    entries = [json.loads(line) for line in lines]
    people = {e["person_id"] for e in entries}
    assert people == {gathering.people["Alice"], gathering.people["Bob"],
                      gathering.people["Zoë"]}
    assert "noted" not in {e["kind"] for e in entries}
    alice = [e for e in entries if e["name"] == "Alice"]
    assert [e["at"] for e in alice] == sorted(e["at"] for e in alice)
    assert alice[0]["kind"] == "checked_in" and alice[0]["at"] == OFFLINE_SCAN_UTC
    gave = {(e["other_name"], e["detail"]["kind"]): e["detail"]["note"]
            for e in alice if e["kind"] == "gave"}
    assert gave[("Bob", "advice")] == "Try the quiet room"
    assert gave[(None, "insight")] == "", "text with someone who does not share goes"
    introduced, = (e for e in alice if e["kind"] == "introduced")
    assert introduced["detail"] == {"people": [gathering.people["Bob"], None], "why": ""}


def test_figures_count_everyone(gathering, export):
    figures = json.loads(export("figures.json"))
    assert figures["event"]["name"] == "Reciprocity Summit"
    assert figures["attendees"] == {"registered": 5, "shared_with_organizer": 3,
                                    "checked_in": 4, "tickets_revoked": 0}
    assert figures["check_ins"] == {"main": {"checked_in": 4, "inside": 3},
                                    "workshop": {"checked_in": 1, "inside": 1}}
    assert figures["totals"]["connection"] == 4 and figures["totals"]["give:support"] == 1
    assert sum(h["value"] for h in figures["hours"] if h["metric"] == "thanked") == 1


def test_only_the_event_s_organizers_download(gathering):
    assert gathering.download("attendees.csv", who="Alice").status_code == 403
    assert gathering.download("attendees.csv", who="Sam").status_code == 403
    assert gathering.download("everything.zip").status_code == 400
    unknown = gathering.api.client.get(f"/api/v1/events/{uuid.uuid4()}/exports/gives.csv",
                                       headers=gathering.api.headers(gathering.summit.organizer))
    assert unknown.status_code == 404


def test_a_long_scan_log_leaves_in_several_chunks_as_it_is_read(summit):
    """1,010 scans at a busy door: the download goes out a page at a time, not built whole,
    gzipped as a browser asks. Asked through the ASGI interface itself, which hands over
    each chunk as it is sent (the test client would join them)."""
    api, event = summit.api, summit.event_id
    app, codes = api.system.app, []
    for number in range(10):
        summit.guest(f"Guest{number}")
        codes.append(summit.guests[f"Guest{number}"]["ticket_code"])
    for scan in range(1010):
        command = app.check_in if scan // 10 % 2 == 0 else app.check_out
        done = command(summit.organizer, uuid.uuid4(), uuid.UUID(event), codes[scan % 10],
                       "main", "door-1")
    api.position = done.position

    chunks = api.client.blocking_portal.call(
        sent_chunks, api.client.app, f"/api/v1/events/{event}/exports/scan-log.csv",
        f"after={api.position}", {**api.headers(summit.organizer), "Accept-Encoding": "gzip"})

    gunzip = zlib.decompressobj(wbits=31)  # as a browser reads it, chunk by chunk
    arrived = [gunzip.decompress(chunk) for chunk in chunks]
    assert sum(1 for text in arrived if text.count(b"\r\n") > 1) >= 2, list(map(len, arrived))
    assert len(csv_rows(b"".join(arrived))) == 1010


async def sent_chunks(app, path: str, query: str, headers: dict[str, str]) -> list[bytes]:
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
             "query_string": query.encode(), "root_path": "", "client": ("127.0.0.1", 50000),
             "server": ("testserver.local", 80),
             "headers": [(b"host", b"testserver.local"),
                         *((k.lower().encode(), v.encode()) for k, v in headers.items())]}
    chunks: list[bytes] = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]
    finished = asyncio.Event()

    async def receive() -> dict:
        """The request, then nothing until the answer is complete: the client stays."""
        if requests:
            return requests.pop()
        await finished.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            assert message["status"] == 200
        if message["type"] == "http.response.body":
            if message.get("body"):
                chunks.append(message["body"])
            if not message.get("more_body"):
                finished.set()

    await app(scope, receive, send)
    return chunks
