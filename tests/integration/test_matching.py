"""Matching a need with offers by the store's own text search, on both stores alike: case,
accents and English word forms folded, words of asking left out, the best match first, and
nothing from another event; and the read model of what attendees offer, kept by the
projection runner."""

from __future__ import annotations

import uuid

from goodwill.domain.attendee import Profile
from goodwill.matching import TextIndex, asked, words
from goodwill.projections import suggestions

INDEX = TextIndex("offer_texts")
OFFERS = {
    "designer": "Freelance UX designer: dashboards and design systems for B2B tools",
    "investor": "Angel investor, I invest in seed rounds of climate startups",
    "cafe": "I run a café in São Paulo and host founder breakfasts",
    "badges": "We print conference badges",
}


def found(system, need: str, scope: str = "event-1") -> list[str]:
    with system.writer.transaction() as tx:
        return [text_id for text_id, _ in INDEX.best(tx, scope, need, 10)]


def indexed(system) -> None:
    with system.writer.transaction() as tx:
        INDEX.create(tx)
        for text_id, body in OFFERS.items():
            INDEX.put(tx, text_id, "event-1", body)
        INDEX.put(tx, "elsewhere", "event-2", "UX design reviews")


def test_a_need_finds_offers_by_their_word_forms_case_and_accents(system):
    indexed(system)
    assert found(system, "Looking for someone who DESIGNS dashboards") == ["designer"]
    assert found(system, "Need investors for our seed round") == ["investor"]
    assert found(system, "Any cafe in Sao Paulo?") == ["cafe"]


def test_the_offer_sharing_more_words_ranks_first_and_other_events_stay_out(system):
    indexed(system)
    assert found(system, "UX design systems for our badges")[:2] == ["designer", "badges"]
    assert "elsewhere" not in found(system, "UX design reviews")
    assert found(system, "UX design reviews", scope="event-2") == ["elsewhere"]


def test_a_text_put_again_replaces_itself_and_a_removed_one_is_gone(system):
    indexed(system)
    with system.writer.transaction() as tx:
        INDEX.put(tx, "designer", "event-1", "Copywriting for landing pages")
        INDEX.remove(tx, "investor")
    assert found(system, "designer dashboards") == []
    assert found(system, "landing page copy") == ["designer"]
    assert found(system, "investors") == []


def test_a_need_finds_an_offer_written_in_other_words_of_the_trade(system):
    with system.writer.transaction() as tx:
        INDEX.create(tx)
        INDEX.put(tx, "ops", "event-1", "Kubernetes and Terraform for small teams")
        INDEX.put(tx, "ml", "event-1", "Data scientist: churn models, forecasting")
        INDEX.put(tx, "cake", "event-1", "I bake cakes for team offsites")
    assert found(system, "k8s cluster keeps falling over") == ["ops"]
    assert found(system, "Anyone doing ML?") == ["ml"]
    assert found(system, "A UX person for our app") == []


def test_a_word_with_other_senses_is_found_by_its_ring_but_asks_for_nothing():
    assert "talk" in asked("A keynote coach")
    assert asked("A 10 minute talk") == ["10", "minute", "talk"]


def test_a_need_made_only_of_asking_words_asks_nothing(system):
    assert words("Looking for someone who can help, please!") == []
    with system.writer.transaction() as tx:
        assert INDEX.best(tx, "event-1", "Anyone? I need help", 5) == []


def test_the_offers_read_model_follows_profiles_and_forgets_a_forgotten_person(
        system, scenario):
    app, event = system.app, scenario.conference_id
    dana = scenario.guest("Dana Designer", offers="Product designer, design critiques")
    finn = scenario.guest("Finn Funder", offers="Angel investor in climate tech")

    def offering(need: str) -> list[str]:
        system.runner.catch_up()
        with system.writer.transaction() as tx:
            return [text_id for text_id, _ in suggestions.OFFERS.best(tx, str(event), need, 10)]

    assert offering("a UX person for our dashboard") == [str(dana.attendee_id)]
    app.update_profile(dana.person_id, uuid.uuid4(), event,
                       Profile(name="Dana Designer", offers="Copywriting for landing pages"))
    assert offering("a UX person for our dashboard") == []
    assert offering("landing page copy") == [str(dana.attendee_id)]
    assert offering("looking for investors") == [str(finn.attendee_id)]
    app.forget_person(finn.person_id, uuid.uuid4(), finn.person_id)
    assert offering("looking for investors") == []
    system.runner.rebuild()
    assert offering("looking for investors") == []
    assert offering("landing page copy") == [str(dana.attendee_id)]
