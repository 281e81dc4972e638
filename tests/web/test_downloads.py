"""What an attendee downloads: contacts as they consented to share them, promises for the
calendar, their own timeline. Everyone else's is a 404, and a stranger is asked to sign in."""

import csv
import io
import json
import re

import pytest

from tests.web.pages import assert_page


def parse(text: str, kind: str) -> list[tuple[str, str]]:
    """The content lines of one vCard or iCalendar object, unfolded, as (name, value)."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.replace("\r\n ", "").split("\r\n")[:-1]
    assert (lines[0], lines[-1]) == (f"BEGIN:{kind}", f"END:{kind}")
    return [tuple(line.split(":", 1)) for line in lines]


@pytest.fixture
def met(summit):
    """Bob connected with Alice, who made Bob a promise."""
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    api.meet(bob, alice, summit.event_id)
    summit.promise = api.do(alice, "/promises", conference_id=summit.event_id, promisee=bob,
                            what="Send the deck; slides, notes", due_on="2026-12-01")["promise_id"]
    return summit


def download(summit, who: str, path: str):
    api = summit.api
    return api.client.get(path, headers=api.headers(summit.people[who]),
                          params={"after": api.position})


def test_a_contact_card_holds_the_profile_but_no_email_without_consent(met):
    card = download(met, "Bob", f"/contacts/{met.people['Alice']}/card.vcf")
    assert card.headers["content-type"].startswith("text/vcard")
    fields = dict(parse(card.text, "VCARD"))
    assert fields["VERSION"] == "4.0" and fields["FN"] == "Alice"
    assert fields["ORG"] == "Alice Ltd" and "UX reviews" in fields["NOTE"]
    assert "EMAIL" not in fields


def test_a_contact_who_shares_contact_details_comes_with_their_email(met):
    met.api.do(met.people["Alice"], f"/events/{met.event_id}/attendees/me/consent",
               consent={"contact_shared_with_connections": True})
    fields = dict(parse(download(met, "Bob", f"/contacts/{met.people['Alice']}/card.vcf").text,
                        "VCARD"))
    assert fields["EMAIL"] == "alice@example.org" and fields["FN"] == "Alice"
    assert "ORG" not in fields, "no longer listed: the profile goes too"


def test_a_promise_is_an_all_day_calendar_entry_on_its_due_date(met):
    answer = download(met, "Alice", f"/promises/{met.promise}/reminder.ics")
    assert answer.headers["content-type"].startswith("text/calendar")
    fields = parse(answer.text, "VCALENDAR")
    names = [name for name, _ in fields]
    assert names.index("BEGIN") < names.index("END") and ("BEGIN", "VEVENT") in fields
    values = dict(fields)
    assert values["DTSTART;VALUE=DATE"] == "20261201"
    assert values["UID"] == f"{met.promise}@testserver.local"  # the site's own host name
    assert re.fullmatch(r"\d{8}T\d{6}Z", values["DTSTAMP"])
    assert values["SUMMARY"] == r"Promised to Bob: Send the deck\; slides\, notes"


@pytest.mark.parametrize("path", ["/contacts/{alice}/card.vcf", "/promises/{promise}/reminder.ics",
                                  "/contacts/{carol}/card.vcf"])
def test_what_is_not_yours_is_a_404(met, path):
    met.guest("Carol")
    url = path.format(alice=met.people["Alice"], carol=met.people["Carol"],
                      promise=met.promise)
    assert_page(download(met, "Carol" if "alice" in path else "Bob", url), 404)


@pytest.mark.parametrize("path", ["/contacts/{alice}/card.vcf", "/promises/{promise}/reminder.ics",
                                  "/me/data/timeline.csv", "/me/data/timeline.json"])
def test_a_stranger_is_asked_to_sign_in(met, path):
    url = path.format(alice=met.people["Alice"], promise=met.promise)
    assert_page(met.api.client.get(url), 401)


def test_my_timeline_downloads_as_csv_and_as_json(met):
    rows = list(csv.DictReader(io.StringIO(download(met, "Bob", "/me/data/timeline.csv").text)))
    entries = json.loads(download(met, "Bob", "/me/data/timeline.json").text)
    assert [row["kind"] for row in rows] == [entry["kind"] for entry in entries]
    assert {"connected", "was_promised"} <= {entry["kind"] for entry in entries}
    promised = next(row for row in rows if row["kind"] == "was_promised")
    assert json.loads(promised["detail"])["due_on"] == "2026-12-01"
    assert promised["other_name"] == "Alice"


def test_an_empty_timeline_is_still_valid_json_and_csv(summit):
    assert json.loads(download(summit, "Sam", "/me/data/timeline.json").text) == []
    assert download(summit, "Sam", "/me/data/timeline.csv").text.strip() == (
        "at,kind,conference_id,other_person_id,other_name,detail")


def test_the_contact_page_offers_the_card_and_the_reminder(met):
    page = download(met, "Alice", f"/contacts/{met.people['Bob']}")
    assert page.status_code == 200, page.text
    assert f"/contacts/{met.people['Bob']}/card.vcf" in page.text
    assert f"/promises/{met.promise}/reminder.ics" in page.text
