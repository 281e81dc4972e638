"""The check-in desk without its script: the crew type (or a scanner types) a ticket's code,
or find the person by name or email, and the answer is the page; an admission can be undone.
Only the event's staff and organizers open it."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from goodwill.domain.ids import NAMESPACE, ticket_id
from goodwill.http.core.assets import module, modules
from tests.web.pages import assert_kept, assert_page, browser, inlined, script_served


def desk(summit, who: str = "Sam", **params):
    api = summit.api
    return api.client.get(f"/events/{summit.event_id}/desk", headers=browser(api.headers(
        summit.people[who])), params={"after": api.position, **params})


def fields(page: str, marker: str = 'id="scan-form"') -> dict[str, str]:
    """The hidden fields of the first form in which ``marker`` stands."""
    start = page.rindex("<form", 0, page.index(marker))
    form = page[start:page.index("</form>", start)]
    return dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', form))


def scan(summit, page: str, marker: str = 'id="scan-form"', **typed):
    api = summit.api
    return api.client.post(f"/events/{summit.event_id}/desk",
                           data={**fields(page, marker), **typed},
                           headers=browser(api.headers(summit.people["Sam"])))


def counts(page: str) -> tuple[int, int]:
    found = re.search(r'id="count-checked-in">(\d+)<.*?id="count-inside">(\d+)<', page, re.DOTALL)
    return int(found[1]), int(found[2])


def test_the_desk_has_its_entrance_its_field_its_counts_and_its_scripts(summit):
    page = assert_page(desk(summit, list="workshop", direction="out", device="door-7"))
    assert '<option value="workshop" selected>Workshop room</option>' in page
    assert 'id="direction-out" name="direction" value="out" checked' in page
    assert '<label for="code">Ticket code: <bdi>Workshop room</bdi>, exit</label>' in page
    assert re.search(r'<input id="code" name="code" value="" autofocus', page)
    assert fields(page)["device"] == "door-7" and fields(page)["list"] == "workshop"
    assert uuid.UUID(fields(page)["command_id"]) and fields(page)["csrf_token"]
    assert '<button type="submit">Check out</button>' in page and counts(page) == (0, 0)
    assert f'data-ticket-namespace="{NAMESPACE}"' in page
    assert inlined(page, "desk.css")
    script_served(summit.api.client, page, "qr-reader.js")
    assert f'<script type="module" src="{module("js/desk/main.js")}"></script>' in page
    for url in modules("js/desk"):  # preloaded at once, each kept for a year
        assert f'<link rel="modulepreload" href="{url}">' in page
        assert_kept(summit.api.client, url)
    assert 'id="answer"' in page and re.search(r'id="answer"[^>]* hidden>', page)


def test_a_new_desk_stands_at_the_first_entrance_for_entry_with_a_device_name(summit):
    page = assert_page(desk(summit))
    assert fields(page)["list"] == "main" and fields(page)["direction"] == "in"
    assert re.fullmatch(r"desk-[0-9a-f]{6}", fields(page)["device"])


@pytest.mark.parametrize("params", [{"list": "garden"}, {"direction": "sideways"}])
def test_an_entrance_or_direction_the_event_has_not_is_refused(summit, params):
    assert desk(summit, **params).status_code == 400


@pytest.mark.parametrize("who", ["Alice", "Olivia"])
def test_only_the_crew_opens_the_desk(summit, who):
    if who == "Olivia":
        summit.person("Olivia")
    assert desk(summit, who).status_code == 403


def test_a_typed_code_admits_and_the_second_scan_is_refused_with_when_where_and_device(summit):
    code = summit.guests["Alice"]["ticket_code"]
    first = scan(summit, assert_page(desk(summit, device="door-1")), code=code)
    page = assert_page(first)
    answer = page[page.index('id="answer"'):page.index("</section>", page.index('id="answer"'))]
    assert 'class="answer answer-checked_in"' in page and "hidden" not in answer.split(">")[0]
    assert '<p class="verdict">Admitted</p>' in answer and "Alice Ltd" in answer
    assert '<p class="who"><bdi>Alice</bdi> <span class="company"><bdi>Alice Ltd</bdi></span></p>' in answer
    assert "Checked in at Main entrance." in answer and "Undo this check-in" in answer
    assert counts(page) == (1, 1)

    second = scan(summit, page, code=code)
    refused = assert_page(second, 409)
    state = summit.api.read(summit.people["Sam"], f"/tickets/{ticket_id(code)}")
    local = datetime.fromisoformat(state["check_ins"]["main"]["checked_in_at"]).astimezone(
        ZoneInfo("Europe/Berlin"))
    assert '<p class="verdict">Not admitted</p>' in refused
    assert (f"Already checked in at {local:%H:%M} at Main entrance by device door-1."
            in refused)
    assert "Undo this check-in" not in refused and counts(refused) == (1, 1)


def test_the_same_form_sent_twice_is_one_scan(summit):
    page = assert_page(desk(summit))
    code = summit.guests["Bob"]["ticket_code"]
    answers = [scan(summit, page, code=code) for _ in range(2)]
    assert [a.status_code for a in answers] == [200, 200]
    assert all('<p class="verdict">Admitted</p>' in a.text for a in answers)
    assert counts(answers[1].text) == (1, 1)


@pytest.mark.parametrize(("typed", "status", "message"), [
    ("NOSUCHTICKET", 404, "Unknown ticket code."),
    ("", 400, "Please scan or type the ticket&#39;s code."),
    ("not a code!", 400, "That is not a ticket code: it has letters, digits, - and _ only."),
])
def test_unknown_and_malformed_codes_say_why(summit, typed, status, message):
    page = assert_page(scan(summit, assert_page(desk(summit)), code=typed), status)
    assert message in page
    if status == 400:
        assert 'aria-invalid="true" aria-describedby="code-error"' in page
        assert '<p class="error" id="code-error" role="alert">' in page


def test_revoked_and_other_events_tickets_are_refused_saying_so(summit):
    api = summit.api
    api.do(summit.organizer, "/tickets/revoke", conference_id=summit.event_id,
           ticket_code=summit.guests["Bob"]["ticket_code"], reason="Refunded")
    page = assert_page(desk(summit))
    revoked = assert_page(scan(summit, page, code=summit.guests["Bob"]["ticket_code"]), 422)
    assert "This ticket has been revoked." in revoked and '<p class="who"><bdi>Bob</bdi>' in revoked
    other = api.do(summit.organizer, "/events", name="Other meetup", starts_on="2026-12-01",
                   ends_on="2026-12-01", timezone="Europe/Berlin",
                   check_in_lists={"main": "Gate"})["conference_id"]
    stranger = summit.person("Stella")
    ticket = api.do(summit.organizer, f"/events/{other}/attendees", person_id=stranger,
                    profile={"name": "Stella", "company": "Hidden Ltd"},
                    consent={"listed_in_directory": True})["ticket_code"]
    refused = assert_page(scan(summit, assert_page(desk(summit)), code=ticket), 403)
    assert "This ticket belongs to another event." in refused and "Stella" not in refused


def test_search_finds_by_name_or_whole_email_and_admits_from_the_result(summit):
    summit.guest("Carol", listed=False)
    page = assert_page(desk(summit, q="caro"))
    assert "<strong><bdi>Carol</bdi></strong>" in page and "Carol Ltd" not in page  # not listed: no company
    assert "Not checked in here yet" in page and "Check in <bdi>Carol</bdi></button>" in page
    by_email = assert_page(desk(summit, q="carol@example.org"))
    assert "<strong><bdi>Carol</bdi></strong>" in by_email
    assert "<strong><bdi>Carol</bdi></strong>" not in assert_page(desk(summit, q="@example.org"))
    assert "No one matches" in assert_page(desk(summit, q="zed"))

    admitted = assert_page(scan(summit, by_email, 'name="ticket_id"'))
    assert '<p class="verdict">Admitted</p>' in admitted and '<p class="who"><bdi>Carol</bdi></p>' in admitted
    again = assert_page(desk(summit, q="Carol"))
    assert "Inside since" in again


def test_htmx_gets_the_results_alone(summit):
    api = summit.api
    answer = api.client.get(f"/events/{summit.event_id}/desk", params={"q": "a"},
                            headers={**browser(api.headers(summit.people["Sam"])),
                                     "HX-Request": "true"})
    fragment = assert_page(answer)
    assert fragment.startswith('<ul class="people desk-results" id="results"')
    assert "<strong><bdi>Alice</bdi></strong>" in fragment and len(fragment.encode()) < 8 * 1024


def test_an_admission_is_undone_by_whoever_made_it_and_counts_go_back(summit):
    api = summit.api
    admitted = assert_page(scan(summit, assert_page(desk(summit)),
                                code=summit.guests["Alice"]["ticket_code"]))
    undo = fields(admitted, f'action="/events/{summit.event_id}/desk/undo"')
    assert set(undo) >= {"csrf_token", "command_id", "check_in_command_id", "device"}
    url = f"/events/{summit.event_id}/desk/undo"
    organizer = api.client.post(url, data=undo, headers=api.headers(summit.organizer))
    assert organizer.status_code == 404  # it was not the organizer's check-in
    undone = assert_page(api.client.post(url, data=undo,
                                         headers=browser(api.headers(summit.people["Sam"]))))
    assert "Check-in undone: Alice is not checked in here now." in undone
    assert counts(undone) == (0, 0)
    again = api.client.post(url, data={**undo, "command_id": str(uuid.uuid4())},
                            headers=browser(api.headers(summit.people["Sam"])))
    assert again.status_code == 409
    assert "That check-in was undone already" in again.text


def test_the_exit_desk_checks_out(summit):
    code = summit.guests["Alice"]["ticket_code"]
    scan(summit, assert_page(desk(summit)), code=code)
    exit_desk = assert_page(desk(summit, direction="out"))
    out = assert_page(scan(summit, exit_desk, code=code))
    assert '<p class="verdict">Checked out</p>' in out and counts(out) == (1, 0)
    refused = assert_page(scan(summit, assert_page(desk(summit, direction="out")), code=code), 409)
    assert '<p class="verdict">Not checked out</p>' in refused
    assert "Not checked in at Main entrance." in refused


def test_home_leads_the_crew_to_the_desk(summit):
    api = summit.api
    link = f'<a href="/events/{summit.event_id}/desk">Check-in desk</a>'
    for who, shown in ((summit.people["Sam"], True), (summit.organizer, True),
                       (summit.people["Alice"], False)):
        page = assert_page(api.client.get("/", headers=api.headers(who),
                                          params={"after": api.position}))
        assert (link in page) == shown
