"""What the check-in desk adds to a ticket: taking back a mistaken check-in, and admissions a
device made offline that the record cannot take, kept as conflicts instead of refused."""

from datetime import timedelta

import pytest

from goodwill.domain.errors import ConflictError, DomainError, NotAllowedError
from goodwill.domain.ticket import DOUBLE_ADMISSION, REVOKED, Ticket
from tests.unit.story import given, then
from tests.unit.test_ticket import NINE_OH_TWO, conference, ticket

LATER = NINE_OH_TWO + timedelta(minutes=3)  # 09:05 in Berlin


def admitted(c, lists=()) -> Ticket:
    t = ticket(c, lists)
    t.check_in(c, "main", "door-1", NINE_OH_TWO)
    return given(t)


def test_an_undone_check_in_leaves_the_ticket_outside_and_free_to_enter():
    c = conference()
    t = admitted(c)
    t.undo_check_in(c, "main", t.inside["main"].version, "door-1", LATER)
    events = t.collect_events()
    assert [type(e).__name__ for e in events] == ["CheckInUndone"]
    assert (events[0].undone_version, events[0].undone_scanned_at) == (2, NINE_OH_TWO)
    assert events[0].arrival is True  # it was the ticket's only check-in
    assert t.inside == {}
    assert t.check_in(c, "main", "door-2", LATER) is None
    assert then(t) == ["CheckedIn"]


def test_an_undo_never_takes_back_a_later_check_in():
    c = conference()
    t = admitted(c)
    first = t.inside["main"].version
    t.undo_check_in(c, "main", first, "door-1", LATER)
    t.check_in(c, "main", "door-2", LATER)
    given(t)
    for version in (first, first + 5):
        with pytest.raises(ConflictError, match="undone already, or the ticket has been scanned"):
            t.undo_check_in(c, "main", version, "door-1", LATER)
    assert then(t) == [] and t.inside["main"].device == "door-2"


def test_undoing_a_return_is_no_arrival_undone():
    c = conference()
    t = admitted(c)
    t.check_out(c, "main", "door-1", LATER)
    t.check_in(c, "main", "door-1", LATER)
    t.undo_check_in(c, "main", t.inside["main"].version, "door-1", LATER)
    assert t.collect_events()[-1].arrival is False


def test_an_undo_elsewhere_is_refused():
    c = conference()
    t = admitted(c)
    with pytest.raises(ConflictError):
        t.undo_check_in(c, "workshop", t.inside["main"].version, "door-1", LATER)
    with pytest.raises(NotAllowedError, match="another event"):
        t.undo_check_in(conference(), "main", t.inside["main"].version, "door-1", LATER)
    assert then(t) == []


def test_a_second_offline_admission_is_a_conflict_naming_both_devices_and_times():
    c = conference()
    t = admitted(c)
    said = t.check_in(c, "main", "door-2", LATER, offline=True)
    [conflict] = t.collect_events()
    assert type(conflict) is Ticket.ConflictRecorded and conflict.kind == DOUBLE_ADMISSION
    assert (conflict.device, conflict.scanned_at) == ("door-2", LATER)
    assert (conflict.first_device, conflict.first_scanned_at) == ("door-1", NINE_OH_TWO)
    assert said == ("Admitted offline at 09:05 by device door-2, but it was already checked in"
                    " at 09:02 by device door-1: conflict recorded for the organizers.")
    assert t.inside["main"].device == "door-1"  # the first check-in stands


def test_an_offline_admission_of_a_ticket_revoked_since_is_a_conflict():
    c = conference()
    t = ticket(c)
    t.revoke("Refunded")
    given(t)
    said = t.check_in(c, "main", "door-2", LATER, offline=True)
    [conflict] = t.collect_events()
    assert (conflict.kind, conflict.first_device, conflict.first_scanned_at) == (REVOKED, None,
                                                                                  None)
    assert said.endswith("but the ticket had been revoked: conflict recorded for the organizers.")
    assert t.inside == {}


def test_an_offline_admission_the_record_can_take_is_a_check_in():
    c = conference()
    t = ticket(c)
    assert t.check_in(c, "main", "door-2", NINE_OH_TWO, offline=True) is None
    assert then(t) == ["CheckedIn"] and t.inside["main"].scanned_at == NINE_OH_TWO


def test_online_the_same_scans_are_refused():
    c = conference()
    t = admitted(c)
    with pytest.raises(ConflictError, match="Already checked in at 09:02"):
        t.check_in(c, "main", "door-2", LATER)
    t.revoke("Refunded")
    given(t)
    with pytest.raises(DomainError, match="revoked"):
        t.check_in(c, "workshop", "door-2", LATER)
    assert then(t) == []


def test_offline_or_not_a_ticket_is_never_valid_where_it_is_not():
    c = conference()
    t = ticket(c, lists=["workshop"])
    with pytest.raises(NotAllowedError, match="not valid for Main entrance"):
        t.check_in(c, "main", "door-2", LATER, offline=True)
    assert then(t) == []
