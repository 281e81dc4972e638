"""Tickets and sign-in links, for an event's organizers: attendees by name, searched and
paged; one attendee's ticket QR (its secret code) and their sign-in link, shown or emailed
once per command. Nobody else gets in."""

from __future__ import annotations

import email
import email.policy
import re

import pytest

from goodwill.http.pages.present.qr import qr_svg
from tests.http.conftest import Summit
from tests.http.test_lost_links import mailed  # noqa: F401
from tests.ticketing import pretix_csv, pretix_row
from tests.web.pages import assert_page, browser
from tests.web.test_console import form

HX = {"HX-Request": "true"}


@pytest.fixture
def desk(summit):
    summit.url = f"/events/{summit.event_id}/tickets"
    summit.as_organizer = browser(summit.api.headers(summit.organizer))
    return summit


def get(summit, path: str = "", headers=None, **params):
    return summit.api.client.get(summit.url + path, headers=headers or summit.as_organizer,
                                 params={"after": summit.api.position, **params})


def names(page: str) -> list[str]:
    return re.findall(r'<td><a href="/events/[^"]+/tickets/[^"]+"><bdi>([^<]+)</bdi></a></td>', page)


def test_attendees_are_listed_by_name_searched_and_paged(desk):
    for n in range(22):
        desk.guest(f"Guest{n:02}", listed=False)
    page = assert_page(get(desk))
    assert names(page)[:3] == ["Alice", "Bob", "Guest00"] and len(names(page)) == 20
    assert "Not checked in" in page and "offset=20" in page
    rest = assert_page(get(desk, offset=20))
    assert names(rest) == ["Guest18", "Guest19", "Guest20", "Guest21"]
    assert "offset=20" not in rest and "offset=0" in rest
    found = get(desk, headers={**desk.as_organizer, **HX}, q="ali")
    assert names(assert_page(found)) == ["Alice"] and "<html" not in found.text
    assert len(found.content) < 8192, len(found.content)


def test_only_the_events_organizers_see_tickets(desk):
    api, alice = desk.api, desk.people["Alice"]
    for who in (alice, desk.people["Sam"]):
        headers = browser(api.headers(who))
        assert get(desk, headers=headers).status_code == 403
        assert get(desk, f"/{alice}", headers=headers).status_code == 403
        assert api.client.post(f"{desk.url}/{alice}", data={"action": "show"},
                               headers=headers).status_code == 403
    assert api.client.get(f"{desk.url}/{alice}").status_code == 401


def test_a_ticket_shows_its_code_as_a_qr_and_is_kept_by_no_cache(desk):
    alice = desk.people["Alice"]
    answer = get(desk, f"/{alice}")
    page = assert_page(answer)
    assert str(qr_svg(desk.guests["Alice"]["ticket_code"], "Ticket of Alice")) in page
    assert answer.headers["cache-control"] == "no-store"
    assert "<bdi>Main entrance</bdi>: not checked in" in page
    nobody = desk.person("Nobody")
    assert get(desk, f"/{nobody}").status_code == 404


def link_of(page: str) -> str:
    return re.search(r'<input id="link" readonly value="([^"]+)">', page)[1]


def test_show_link_gives_the_attendees_link_which_signs_them_in(desk):
    api, alice = desk.api, desk.people["Alice"]
    show = form(assert_page(get(desk, f"/{alice}")), "show")
    pages = [assert_page(api.client.post(f"{desk.url}/{alice}", data=show,
                                         headers=desk.as_organizer)) for _ in range(2)]
    link = link_of(pages[0])
    assert link == link_of(pages[1]) and link.startswith("http://testserver.local/s#gwl_")
    assert "Email sign-in link" not in pages[0], "no SMTP, no email"
    signed_in = api.client.post("/s", data={"token": link.split("#")[1]},
                                follow_redirects=False)
    assert (signed_in.status_code, signed_in.headers["location"]) == (303, "/")
    assert api.client.get("/auth/session").json()["person_id"] == alice
    api.client.cookies.clear()
    emailing = {**show, "action": "email"}
    assert api.client.post(f"{desk.url}/{alice}", data=emailing,
                           headers=desk.as_organizer).status_code == 400


def test_an_organizers_own_link_is_refused_next_to_the_form(desk):
    api = desk.api
    api.do(desk.organizer, f"/events/{desk.event_id}/attendees", person_id=str(desk.organizer),
           profile={"name": "Olga"})
    show = form(assert_page(get(desk, f"/{desk.organizer}")), "show")
    text = assert_page(api.client.post(f"{desk.url}/{desk.organizer}", data=show,
                                       headers=desk.as_organizer), 403)
    assert '<p class="error" id="link-error" role="alert">Organizers sign in with their' in text


def test_email_sign_in_link_sends_one_email_per_command(mailed):  # noqa: F811
    api, inbox = mailed
    summit = Summit(api, api.founding_organizer())
    summit.event_id = api.do(summit.organizer, "/events", name="Meetup", starts_on="2026-12-01",
                             ends_on="2026-12-01", timezone="Europe/Berlin")["conference_id"]
    summit.guest("Alice")
    summit.url = f"/events/{summit.event_id}/tickets"
    summit.as_organizer = browser(api.headers(summit.organizer))
    alice = summit.people["Alice"]
    page = assert_page(get(summit, f"/{alice}"))
    assert "Email sign-in link" in page and "alice@example.org" not in page
    emailing = form(page, "email")
    for _ in range(2):
        sent = assert_page(api.client.post(f"{summit.url}/{alice}", data=emailing,
                                           headers=summit.as_organizer))
        assert "Emailed to the address they registered with." in sent
        assert 'id="link"' not in sent and "alice@example.org" not in sent
    (message,) = [email.message_from_string(m, policy=email.policy.default) for m in inbox]
    assert message["To"] == "alice@example.org"
    token = re.search(r"https://goodwill\.example/s#(gwl_\S+)", message.get_content())[1]
    assert api.client.post("/s", data={"token": token},
                           follow_redirects=False).status_code == 303
    shown = api.client.post(f"{summit.url}/{alice}", data=form(page, "show"),
                            headers=summit.as_organizer)
    assert shown.status_code == 403 and "has signed in before" in shown.text
    assert "/s#gwl_" not in shown.text
    api_sent = api.post(summit.organizer, f"/events/{summit.event_id}/attendees/{alice}"
                                          "/sign-in-link/email")
    assert api_sent.status_code == 202 and "link" not in api_sent.json()["result"]
    assert len(inbox) == 2 and "alice@example.org" in inbox[1]

    colleague = pretix_csv([pretix_row("C1", 1, "Ada Adler", ""),
                            pretix_row("C1", 2, "Ben Brandt", "")])  # both on buyer@…
    imported = api.post(summit.organizer, f"/events/{summit.event_id}/imports", csv=colleague)
    assert imported.json()["created"] == 2
    api.position = imported.json()["position"]
    api.read(summit.organizer, f"/events/{summit.event_id}/attendees")  # caught up
    with api.system.writer.transaction() as tx:
        ((ben,),) = tx.fetchall("SELECT person_id FROM attendees WHERE name = 'Ben Brandt'", ())
    page = assert_page(get(summit, f"/{ben}"))
    assert "Show link" in page and "Email sign-in link" not in page
    refused = api.client.post(f"{summit.url}/{ben}", data={**form(page, "show"),
                                                          "action": "email"},
                              headers=summit.as_organizer)
    assert refused.status_code == 400 and "has no email of their own" in refused.text
    assert len(inbox) == 2



def test_a_forgotten_attendees_ticket_shows_no_code(desk):
    api, alice = desk.api, desk.people["Alice"]
    api.do(desk.organizer, f"/events/{desk.event_id}/attendees/{alice}/forget")
    page = assert_page(get(desk, f"/{alice}"))
    assert "Someone forgotten" in page and "was not kept" in page
    assert desk.guests["Alice"]["ticket_code"] not in page and 'class="qr"' not in page
