"""Ticket codes are kept for organizers to print a ticket again, until the holder is
forgotten: then they are gone from the read model, and a rebuild brings none back."""

import uuid

from goodwill.domain.ids import ticket_id
from tests.integration.readmodels import dump


def codes(system) -> dict[str, str]:
    return {ticket: code for ticket, _, code in dump(system)["ticket_codes"]}


def test_a_code_is_kept_until_its_holder_is_forgotten_and_a_rebuild_keeps_it_gone(system,
                                                                                  scenario):
    alice, bob = scenario["Alice"], scenario["Bob"]
    system.runner.catch_up()
    tickets = {str(ticket_id(g.ticket_code)): g.ticket_code for g in (alice, bob)}
    assert codes(system) == tickets

    system.app.forget_person(alice.person_id, uuid.uuid4(), alice.person_id)
    system.runner.catch_up()
    kept = {str(ticket_id(bob.ticket_code)): bob.ticket_code}
    assert codes(system) == kept

    system.runner.rebuild()
    assert codes(system) == kept
