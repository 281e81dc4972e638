"""Whom to introduce to whom, kept by the projection runner: a need I noted about a contact,
or a contact's declared need, matched with my other contacts' offers, in whichever order the
facts arrive; never two people who already know each other, never to anyone but the person
it is suggested to."""

from __future__ import annotations

import uuid

from goodwill.domain.attendee import Profile
from goodwill.projections.engine import repair


def suggested(system, owner) -> list[tuple[str, str]]:
    """(about, offerer) names of the introductions suggested to ``owner``, best first."""
    system.runner.catch_up()
    with system.writer.transaction() as tx:
        names = {str(g.person_id): name for name, g in system.scenario.guests.items()}
        rows = tx.fetchall("SELECT about, offerer FROM suggested_introductions WHERE owner = ?"
                           " ORDER BY rank DESC, offerer", (str(owner.person_id),))
    return [(names[about], names[offerer]) for about, offerer in rows]


def connect(system, a, b) -> None:
    system.app.connect_by_badge(a.person_id, uuid.uuid4(), b.connect_code)


def note(system, author, about, text: str, kind: str = "need"):
    return system.app.note(author.person_id, uuid.uuid4(), system.scenario.conference_id,
                           about.person_id, kind, text).result["note_id"]


def people(system, scenario):
    system.scenario = scenario
    ann = scenario.guest("Ann")
    bob = scenario.guest("Bob", offers="Kubernetes and Terraform for small teams")
    carol = scenario.guest("Carol", offers="Freelance UX designer, Figma prototypes")
    dan = scenario.guest("Dan", offers="Angel investor in climate tech")
    return ann, bob, carol, dan


def test_a_need_i_noted_meets_another_contacts_offer_whichever_comes_first(system, scenario):
    ann, bob, carol, dan = people(system, scenario)
    connect(system, ann, bob)
    connect(system, ann, dan)
    note(system, ann, bob, "Bob's app needs a product designer before the launch")
    assert suggested(system, ann) == []
    connect(system, ann, carol)
    assert suggested(system, ann) == [("Bob", "Carol")]
    note(system, ann, carol, "Carol is raising money from investors for her studio")
    assert sorted(suggested(system, ann)) == [("Bob", "Carol"), ("Carol", "Dan")]
    for other in (bob, carol, dan):
        assert suggested(system, other) == [], "a note's suggestions are its author's alone"


def test_a_contacts_declared_need_is_suggested_to_each_of_their_contacts(system, scenario):
    ann, bob, carol, dan = people(system, scenario)
    erin = scenario.guest("Erin", needs="Looking for a UX person for our dashboard")
    connect(system, ann, carol)
    connect(system, erin, ann)
    connect(system, erin, dan)
    assert suggested(system, ann) == [("Erin", "Carol")]
    assert suggested(system, dan) == []
    system.app.update_profile(erin.person_id, uuid.uuid4(), scenario.conference_id,
                              Profile(name="Erin", needs="An angel investor for climate tech"))
    assert suggested(system, ann) == []
    connect(system, ann, dan)
    assert suggested(system, ann) == [], "Erin and Dan are connected already"
    system.app.update_profile(carol.person_id, uuid.uuid4(), scenario.conference_id,
                              Profile(name="Carol", offers="I invest in climate tech startups"))
    assert suggested(system, ann) == [("Erin", "Carol")]


def test_people_who_know_each_other_are_not_suggested_and_a_removed_need_goes(
        system, scenario):
    ann, bob, carol, dan = people(system, scenario)
    for other in (bob, carol, dan):
        connect(system, ann, other)
    designer = note(system, ann, bob, "needs a UX designer")
    note(system, ann, dan, "wants a Kubernetes expert", kind="goal")
    assert sorted(suggested(system, ann)) == [("Bob", "Carol"), ("Dan", "Bob")]
    made = system.app.introduce(ann.person_id, uuid.uuid4(), scenario.conference_id,
                                bob.person_id, carol.person_id, "Carol designs apps")
    assert suggested(system, ann) == [("Dan", "Bob")]
    for invited in (bob, carol):
        system.app.answer_introduction(invited.person_id, uuid.uuid4(),
                                       made.result["introduction_id"], True)
    assert suggested(system, ann) == [("Dan", "Bob")]
    assert repair.listed(system.runner) == [], "introduced, then connected: known once"
    system.app.revise_note(ann.person_id, uuid.uuid4(), designer, "need",
                           "needs an angel investor")
    assert sorted(suggested(system, ann)) == [("Bob", "Dan"), ("Dan", "Bob")]
    system.app.remove_note(ann.person_id, uuid.uuid4(), designer)
    assert suggested(system, ann) == [("Dan", "Bob")]
    connect(system, dan, bob)
    assert suggested(system, ann) == []


def test_a_forgotten_person_leaves_no_suggestion_and_a_rebuild_gives_the_same(
        system, scenario):
    ann, bob, carol, dan = people(system, scenario)
    for other in (bob, carol, dan):
        connect(system, ann, other)
    note(system, ann, bob, "needs a UX designer")
    note(system, ann, carol, "raising from angel investors")
    before = sorted(suggested(system, ann))
    assert before == [("Bob", "Carol"), ("Carol", "Dan")]
    system.runner.rebuild()
    assert sorted(suggested(system, ann)) == before
    system.app.forget_person(dan.person_id, uuid.uuid4(), dan.person_id)
    assert suggested(system, ann) == [("Bob", "Carol")]
    with system.writer.transaction() as tx:
        assert tx.fetchall("SELECT count(*) FROM offer_texts WHERE body LIKE ?", ("%Angel%",)) \
            == [(0,)]
