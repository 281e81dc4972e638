"""An upload is as large as an import only for the event's organizers, and who is asking is
known before a byte of it is read: a body nobody may send is refused unread, so a malformed
one gets the refusal (401/403), not the parser's 400."""

from __future__ import annotations

from tests.http.api import PROBLEM
from tests.web.pages import browser

DEEP = b"[" * 30_000 + b"]" * 30_000
"""What the parser refuses with a 400, once it reads it."""
BROKEN_FORM = b"--edge\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\""


def test_an_import_by_script_is_refused_unread_to_all_but_the_events_organizers(summit):
    api, path = summit.api, f"/api/v1/events/{summit.event_id}/imports"
    rival, _ = summit.rival("Rita")
    json = {"content-type": "application/json"}
    answers = {who: api.client.post(path, content=DEEP, headers={**headers, **json})
               for who, headers in (("nobody", {}),
                                    ("attendee", api.headers(summit.people["Alice"])),
                                    ("another organizer", api.headers(rival)),
                                    ("organizer", api.headers(summit.organizer)))}
    assert {who: a.status_code for who, a in answers.items()} == {
        "nobody": 401, "attendee": 403, "another organizer": 403, "organizer": 400}
    assert all(a.headers["content-type"] == PROBLEM for a in answers.values())
    assert "nested too deep" in answers["organizer"].json()["detail"], "read: they may send it"


def test_an_import_page_upload_is_refused_before_its_form_is_read(summit):
    api, path = summit.api, f"/events/{summit.event_id}/import"
    form = {"content-type": "multipart/form-data; boundary=edge"}
    attendee = api.client.post(path, content=BROKEN_FORM,
                               headers={**browser(api.headers(summit.people["Alice"])), **form})
    assert attendee.status_code == 403
    assert "organizers" in attendee.text, "not the CSRF field the form never had"
    organizer = api.client.post(path, content=BROKEN_FORM,
                                headers={**browser(api.headers(summit.organizer)), **form})
    assert organizer.status_code in (400, 403)
    assert "organizers" not in organizer.text, "the organizer's form is read"
