"""Answering what passed between me and a contact: a one-tap thank-you and an introduction
waiting for me on the contact's page; a dispute, a retraction or a referral's outcome on the
give's own page. Each answer is recorded once however often it is sent, with JavaScript or
without, and only between the two of us."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from goodwill.http.pages.present.between_us import LATEST_GIVES
from tests.web.pages import assert_buttons_differ, assert_page, browser, form_to, forms_to

HX = {"HX-Request": "true"}


@dataclass
class Case:
    """Something between Alice and Bob that Bob answers: where his form posts, the button he
    presses, what he fills in, the timeline entry it makes and what the page then shows."""

    url: str
    button: tuple[str, str]
    fields: dict[str, str]
    entry: str
    shows: str
    on_contact_page: bool = False
    """Offered on Alice's page rather than on the give's own page."""


def given(summit, giver: str, receiver: str, kind: str = "advice") -> str:
    at, people = {"conference_id": summit.event_id}, summit.people
    return summit.api.do(people[giver], "/gives", **at, giver=people[giver],
                         receiver=people[receiver], kind=kind, note="Pricing tips")["give_id"]


def introduced_by_carol(summit) -> str:
    people = summit.people
    return summit.api.introduce(people["Carol"], summit.event_id,
                         person_a=people["Alice"], person_b=people["Bob"],
                         why="Both build kilns")["introduction_id"]


def case(summit, name: str) -> Case:
    if name == "thank":
        return Case(f"/gives/{given(summit, 'Alice', 'Bob')}", ("answer", "thank"), {},
                    "thanked_by_me", "thanked", on_contact_page=True)
    if name == "dispute":
        return Case(f"/gives/{given(summit, 'Alice', 'Bob')}", ("answer", "dispute"),
                    {"reason": "It was Dana"}, "disputed_by_me", "disputed")
    if name == "retract":
        return Case(f"/gives/{given(summit, 'Bob', 'Alice')}", ("answer", "retract"),
                    {"reason": "Wrong person"}, "retracted", "retracted")
    if name == "outcome":
        return Case(f"/gives/{given(summit, 'Alice', 'Bob', 'referral')}", ("answer", "outcome"),
                    {"outcome": "won", "value": "1500.5", "currency": "eur"}, "referral_outcome",
                    "pending, won 1500.5 EUR")
    return Case(f"/contacts/{summit.people['Alice']}/introductions/{introduced_by_carol(summit)}",
                ("accept", "yes"), {}, "introduction_answered", "I accepted.",
                on_contact_page=True)


@pytest.fixture
def met(summit):
    """Bob connected with Alice; Carol, at the same event, connected with neither."""
    api, alice, bob = summit.api, summit.people["Alice"], summit.people["Bob"]
    summit.guest("Carol")
    api.meet(bob, alice, summit.event_id)
    summit.bob = browser(api.headers(bob))
    return summit


def opened(summit, headers: dict, url: str) -> str:
    api = summit.api
    return assert_page(api.client.get(url, headers=headers, params={"after": api.position}))


def contact(summit, who: str) -> str:
    return f"/contacts/{summit.people[who]}"


def form_for(summit, done: Case) -> dict[str, str]:
    """What Bob's form sends, from the page that offers it."""
    page = opened(summit, summit.bob, contact(summit, "Alice") if done.on_contact_page
                  else done.url)
    return {**form_to(page, done.url, done.button), **done.fields}


def entries(summit, kind: str) -> int:
    timeline = summit.api.read(summit.people["Bob"], "/me/timeline")["entries"]
    return sum(1 for e in timeline if e["kind"] == kind)


@pytest.mark.parametrize("hx", [False, True], ids=["no-js", "htmx"])
@pytest.mark.parametrize("name", ["thank", "dispute", "retract", "outcome", "introduction"])
def test_an_answer_sent_twice_is_recorded_once(met, name, hx):
    done = case(met, name)
    form = form_for(met, done)
    headers = {**met.bob, **HX} if hx else met.bob
    answers = [met.api.client.post(done.url, data=form, headers=headers, follow_redirects=False)
               for _ in range(2)]
    if hx:
        for answer in answers:
            fragment = assert_page(answer)
            assert "<html" not in fragment and len(answer.content) < 8192
        page = fragment
    else:
        assert [a.status_code for a in answers] == [303, 303]
        back = answers[1].headers["location"]
        assert back.startswith(contact(met, "Alice") if done.on_contact_page else done.url)
        page = assert_page(met.api.client.get(back, headers=met.bob))
    assert done.shows in " ".join(page.split()) and not forms_to(page, done.url, done.button)
    assert entries(met, done.entry) == 1


@pytest.mark.parametrize("name, fields, field", [
    ("dispute", {"reason": " "}, "reason"),
    ("retract", {"reason": ""}, "reason"),
    ("outcome", {"outcome": "won", "value": "lots", "currency": ""}, "value"),
    ("outcome", {"outcome": "won", "value": "10", "currency": "euro"}, "currency"),
    ("outcome", {"outcome": "new", "value": "", "currency": ""}, "outcome"),
    ("introduction", {"accept": "maybe"}, "accept"),
])
@pytest.mark.parametrize("hx", [False, True], ids=["no-js", "htmx"])
def test_a_bad_answer_comes_back_with_the_error_next_to_its_field(met, name, fields, field, hx):
    done = case(met, name)
    form = {**form_for(met, done), **fields}
    headers = {**met.bob, **HX} if hx else met.bob
    page = assert_page(met.api.client.post(done.url, data=form, headers=headers), 400)
    key = "-".join(done.url.split("/")[-2:]).replace("s-", "-", 1)
    assert f'id="{key}-{field}-error"' in page and ("<html" in page) != hx
    assert entries(met, done.entry) == 0


def test_a_value_for_a_referral_not_won_is_the_domains_refusal(met):
    done = case(met, "outcome")
    form = {**form_for(met, done), "outcome": "contacted", "value": "10", "currency": "EUR"}
    page = assert_page(met.api.client.post(done.url, data=form, headers=met.bob), 422)
    assert "A value can only be given for a referral that was won." in page
    assert 'id="give-' in page and entries(met, done.entry) == 0


def test_each_answer_is_offered_only_to_whom_may_give_it(met):
    referral, advice = given(met, "Alice", "Bob", "referral"), given(met, "Alice", "Bob")
    alice_sees = browser(met.api.headers(met.people["Alice"]))
    alices = opened(met, alice_sees, contact(met, "Bob"))
    assert alices.count(">Retract…</a>") == 2 and "Thank" not in alices
    for give in (referral, advice):
        page = opened(met, alice_sees, f"/gives/{give}")
        assert form_to(page, f"/gives/{give}", ("answer", "retract"))
        assert 'value="thank"' not in page and 'value="outcome"' not in page
    bobs = " ".join(opened(met, met.bob, contact(met, "Alice")).split())
    assert bobs.count('value="thank"') == 2 and ">Dispute…</a>" in bobs
    assert ">Dispute or report the outcome…</a>" in bobs and "Retract" not in bobs
    page = opened(met, met.bob, f"/gives/{referral}")
    for answer in ("dispute", "outcome"):
        form_to(page, f"/gives/{referral}", ("answer", answer))
    assert 'value="retract"' not in page and 'value="thank"' not in page


def test_the_ledger_shows_how_a_referral_went(met):
    alice, bob = met.people["Alice"], met.people["Bob"]
    referral = given(met, "Alice", "Bob", "referral")
    met.api.do(bob, f"/gives/{referral}/outcome", outcome="won", value="900", currency="EUR")
    page = " ".join(opened(met, browser(met.api.headers(alice)), contact(met, "Bob")).split())
    assert "I gave referral: <bdi>Pricing tips</bdi>" in page and "pending, won 900 EUR" in page
    assert f'<a href="/gives/{referral}">Retract…</a>' in page


def test_only_answers_between_the_two_of_us_are_taken(met):
    api, alice, bob, carol = (met.api, met.people["Alice"], met.people["Bob"],
                              met.people["Carol"])
    met.guest("Dan")
    api.meet(alice, carol, met.event_id)
    theirs, mine = given(met, "Alice", "Carol"), given(met, "Alice", "Bob")
    unmet = given(met, "Dan", "Bob")  # a give needs no connection; the pages do
    not_ours = api.introduce(alice, met.event_id, person_a=carol, person_b=met.people["Dan"],
                             why="Kilns")["introduction_id"]
    form = form_to(opened(met, met.bob, contact(met, "Alice")), f"/gives/{mine}",
                   ("answer", "thank"))
    bobs, carols = api.headers(bob), api.headers(carol)
    strangers = [(f"/gives/{theirs}", bobs),  # Alice's with Carol
                 (f"/gives/{unmet}", bobs),
                 (f"/contacts/{alice}/introductions/{not_ours}", bobs),
                 (f"/gives/{mine}", carols)]
    for url, headers in strangers:
        for method in ("GET", "POST") if url.startswith("/gives") else ("POST",):
            refused = api.client.request(method, url, data=form, headers=headers,
                                         params={"after": api.position})
            assert_page(refused, 404)
    own = api.client.post(f"/contacts/{bob}/introductions/{introduced_by_carol(met)}",
                          data=form, headers=carols, params={"after": api.position})
    assert_page(own, 400)  # Carol introduced Bob: the introduction is between them, not hers
    assert api.read(carol, f"/me/ledger/{alice}")["received"] == {"confirmed": 0,
                                                                 "unconfirmed": 2}


def test_introductions_show_what_each_side_may_know(met):
    api, alice, bob, carol = (met.api, met.people["Alice"], met.people["Bob"],
                              met.people["Carol"])
    met.guest("Dan")
    dan = met.people["Dan"]
    at = {"conference_id": met.event_id}
    for other in (carol, dan):
        api.meet(bob, other, at["conference_id"])
    by_carol = introduced_by_carol(met)
    api.introduce(bob, at["conference_id"], person_a=alice, person_b=dan, why="Dan sells glaze")
    api.introduce(dan, at["conference_id"], person_a=alice, person_b=carol,
                  why="Not Bob's business")
    api.do(alice, f"/introductions/{by_carol}/answer", accept=False)
    bobs = " ".join(opened(met, met.bob, contact(met, "Alice")).split())
    assert "<bdi>Carol</bdi> introduced me to <bdi>Alice</bdi>: <bdi>Both build kilns</bdi>" in bobs
    assert "I introduced <bdi>Alice</bdi> to <bdi>Dan</bdi>: <bdi>Dan sells glaze</bdi>" in bobs
    assert 'Dan sells glaze</bdi> <span class="quiet"> Waiting for their answers.' in bobs
    assert "Not Bob's business" not in bobs and "declined" not in bobs
    assert bobs.count('value="yes"') == 1
    carols = " ".join(opened(met, browser(api.headers(carol)), contact(met, "Bob")).split())
    assert 'I introduced <bdi>Alice</bdi> to <bdi>Bob</bdi>: <bdi>Both build kilns</bdi> <span class="quiet"> Not now.' in carols
    assert "declined" not in carols and "Alice" not in carols.split("Not now.")[1][:200]
    assert "Dan sells glaze" not in carols and 'value="yes"' not in carols
    alices = " ".join(opened(met, browser(api.headers(alice)), contact(met, "Carol")).split())
    assert '<bdi>Carol</bdi> introduced me to <bdi>Bob</bdi>: <bdi>Both build kilns</bdi> <span class="quiet"> I declined.' in alices


def test_my_notes_never_reach_the_other_side_but_my_promises_do(met):
    api, alice, bob = met.api, met.people["Alice"], met.people["Bob"]
    api.do(bob, "/notes", conference_id=met.event_id, about=alice, kind="need", text="Loans")
    api.do(bob, "/promises", conference_id=met.event_id, promisee=alice, what="Call Dana",
           due_on="2026-12-01")
    give = given(met, "Alice", "Bob")
    api.do(bob, f"/gives/{give}/dispute", reason="Private grudge")
    assert "Loans" in opened(met, met.bob, contact(met, "Alice"))
    alices = opened(met, browser(api.headers(alice)), contact(met, "Bob"))
    alices_give = opened(met, browser(api.headers(alice)), f"/gives/{give}")
    for secret in ("Loans", "Private grudge"):
        assert secret not in alices and secret not in alices_give
    assert "No notes yet." in alices and "disputed" in alices
    assert "<bdi>Bob</bdi> promised me: <bdi>Call Dana</bdi>" in alices, "a promise is to her"
    assert "Mark “" not in alices, "only its maker closes it"


def test_a_busy_contact_still_fits_one_small_fragment(met):
    """A dozen gives both ways and a referral, of which the latest few are listed; notes, a
    promise and two introductions waiting for Bob."""
    api, alice, bob = met.api, met.people["Alice"], met.people["Bob"]
    at = {"conference_id": met.event_id}
    met.guest("Dan")
    for n in range(6):
        for giver, receiver in ((alice, bob), (bob, alice)):
            api.do(giver, "/gives", **at, giver=giver, receiver=receiver, kind="insight",
                   note=f"Shared a supplier list for kiln parts, number {n}")
    given(met, "Alice", "Bob", "referral")
    for text in ("Hiring a glaze chemist", "Wants to open a second studio"):
        api.do(bob, "/notes", **at, about=alice, kind="goal", text=text)
    api.do(bob, "/promises", **at, promisee=alice, what="Send the deck", due_on="2026-12-01")
    introduced_by_carol(met)
    api.introduce(met.people["Dan"], at["conference_id"], person_a=alice, person_b=bob,
           why="You both run studios in Leipzig and should share a kiln")
    fragment = api.client.get(f"/contacts/{alice}", headers={**met.bob, **HX},
                              params={"after": api.position})
    text = assert_page(fragment)
    assert "<html" not in text and text.count("<li>I ") == LATEST_GIVES and "And 9 earlier" in text
    assert_buttons_differ(text)
    assert len(fragment.content) < 8192, len(fragment.content)
