import uuid
from datetime import date, datetime, timezone

import pytest

from goodwill.domain.conference import Conference
from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError, NotFoundError
from goodwill.domain.ticket import Ticket
from tests.unit.story import given, then

NINE_OH_TWO = datetime(2026, 11, 25, 8, 2, tzinfo=timezone.utc)  # 09:02 in Berlin


def conference() -> Conference:
    c = Conference(name="Summit", starts_on=date(2026, 11, 25), ends_on=date(2026, 11, 26),
                   timezone="Europe/Berlin", venue="Hall", organizer_id=uuid.uuid4())
    c.add_check_in_list("main", "Main entrance")
    c.add_check_in_list("workshop", "Workshop room")
    return c


def ticket(c: Conference, lists=()) -> Ticket:
    return given(Ticket(conference_id=c.id, attendee_id=uuid.uuid4(), lists=list(lists),
                        code="ABCDEFGH", id=uuid.uuid4()))


def test_check_in_records_the_device_and_scan_time():
    c = conference()
    t = ticket(c)
    t.check_in(c, "main", "door-1", NINE_OH_TWO)
    assert then(t) == ["CheckedIn"]
    assert t.inside["main"].scanned_at == NINE_OH_TWO


def test_second_check_in_is_refused_with_when_where_and_which_device():
    c = conference()
    t = ticket(c)
    t.check_in(c, "main", "door-1", NINE_OH_TWO)
    given(t)
    with pytest.raises(ConflictError, match="Already checked in at 09:02 at Main entrance by device door-1"):
        t.check_in(c, "main", "door-2", NINE_OH_TWO)
    assert then(t) == []


def test_after_check_out_the_ticket_may_enter_again():
    c = conference()
    t = ticket(c)
    t.check_in(c, "main", "door-1", NINE_OH_TWO)
    t.check_out(c, "main", "door-1", NINE_OH_TWO)
    t.check_in(c, "main", "door-1", NINE_OH_TWO)
    assert then(t) == ["CheckedIn", "CheckedOut", "CheckedIn"]


def test_entrances_are_independent():
    c = conference()
    t = ticket(c)
    t.check_in(c, "main", "door-1", NINE_OH_TWO)
    t.check_in(c, "workshop", "tablet", NINE_OH_TWO)
    assert then(t) == ["CheckedIn", "CheckedIn"]


@pytest.mark.parametrize("setup, error, message", [
    (lambda t: t.revoke("lost"), DomainError, "revoked"),
    (lambda t: None, NotFoundError, "no check-in list 'garden'"),
])
def test_refusals(setup, error, message):
    c = conference()
    t = ticket(c)
    setup(t)
    given(t)
    with pytest.raises(error, match=message):
        t.check_in(c, "garden" if error is NotFoundError else "main", "door-1", NINE_OH_TWO)
    assert then(t) == []


def test_ticket_of_another_event_is_refused():
    t = ticket(conference())
    with pytest.raises(NotAllowedError, match="another event"):
        t.check_in(conference(), "main", "door-1", NINE_OH_TWO)


def test_ticket_limited_to_some_lists():
    c = conference()
    t = ticket(c, lists=["workshop"])
    with pytest.raises(NotAllowedError, match="not valid for Main entrance"):
        t.check_in(c, "main", "door-1", NINE_OH_TWO)


def test_check_out_needs_a_check_in():
    c = conference()
    t = ticket(c)
    with pytest.raises(ConflictError, match="Not checked in"):
        t.check_out(c, "main", "door-1", NINE_OH_TWO)
