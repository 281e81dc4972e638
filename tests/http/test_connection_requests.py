"""Connecting without a badge scan: A asks, B answers. Only an accepted request connects them,
and A learns nothing else: not a decline, not a block."""

from __future__ import annotations

from tests.http.api import PROBLEM


def ask(summit, sender: str, receiver: str, **extra):
    return summit.api.do(summit.people[sender], "/connection-requests",
                         conference_id=summit.event_id, person_id=summit.people[receiver],
                         **extra)


def waiting(summit, who: str) -> list[dict]:
    return summit.api.read(summit.people[who], "/connection-requests/waiting")


def connected(summit, who: str) -> list[str]:
    rows = summit.api.read(summit.people[who], "/me/timeline")["entries"]
    return [e["other_person_id"] for e in rows if e["kind"] == "connected"]


def answer(summit, who: str, request: str, **body):
    return summit.api.post(summit.people[who], f"/connection-requests/{request}/answer",
                           **body)


def test_a_request_connects_the_two_only_when_the_other_accepts(summit):
    sent = ask(summit, "Alice", "Bob")
    assert sent["status"] == "pending"
    assert connected(summit, "Alice") == []
    mine, = waiting(summit, "Bob")
    assert (mine["person_id"], mine["name"]) == (summit.people["Alice"], "Alice")
    assert mine["company"] == "Alice Ltd" and mine["request_id"] == sent["request_id"]
    assert waiting(summit, "Alice") == []
    assert answer(summit, "Alice", sent["request_id"], accept=True).status_code == 403
    accepted = summit.api.do(summit.people["Bob"],
                             f"/connection-requests/{sent['request_id']}/answer", accept=True)
    assert accepted["connected"] is True
    assert connected(summit, "Alice") == [summit.people["Bob"]]
    assert waiting(summit, "Bob") == []
    assert ask(summit, "Alice", "Bob")["status"] == "connected"
    again = answer(summit, "Bob", sent["request_id"], accept=True)
    assert again.status_code == 409 and again.headers["content-type"] == PROBLEM


def test_asking_someone_who_asked_first_is_the_yes(summit):
    ask(summit, "Alice", "Bob")
    assert ask(summit, "Bob", "Alice")["status"] == "connected"
    assert connected(summit, "Bob") == [summit.people["Alice"]]
    assert waiting(summit, "Bob") == [] and waiting(summit, "Alice") == []


def test_a_decline_and_a_block_look_to_the_sender_like_nothing_happened(summit):
    summit.guest("Carol")
    to_bob, to_carol = ask(summit, "Alice", "Bob"), ask(summit, "Alice", "Carol")
    summit.api.do(summit.people["Bob"], f"/connection-requests/{to_bob['request_id']}/answer",
                  accept=False)
    summit.api.do(summit.people["Carol"],
                  f"/connection-requests/{to_carol['request_id']}/answer", accept=False,
                  block=True)
    again_bob, again_carol = ask(summit, "Alice", "Bob"), ask(summit, "Alice", "Carol")
    assert again_bob.keys() == again_carol.keys()
    assert again_bob["status"] == again_carol["status"] == "pending"
    assert [w["person_id"] for w in waiting(summit, "Bob")] == [summit.people["Alice"]]
    assert waiting(summit, "Carol") == [], "a blocked sender never reaches Carol again"
    both = answer(summit, "Bob", to_bob["request_id"], accept=True, block=True)
    assert both.status_code == 422


def test_requests_are_limited_per_sender_and_event(summit):
    api, event = summit.api, summit.event_id
    for n in range(30):
        summit.guest(f"Guest{n:02}", listed=False)
    answers = [api.post(summit.people["Alice"], "/connection-requests", conference_id=event,
                        person_id=summit.people[f"Guest{n:02}"]) for n in range(30)]
    assert [a.status_code for a in answers] == [201] * 30
    assert ask(summit, "Alice", "Guest00")["status"] == "pending", "asking again is free"
    refused = api.post(summit.people["Alice"], "/connection-requests", conference_id=event,
                       person_id=summit.people["Bob"])
    assert refused.status_code == 422 and "30 connection requests" in refused.json()["detail"]


def test_nobody_asks_themself_or_someone_not_at_the_event(summit):
    api = summit.api
    itself = api.post(summit.people["Alice"], "/connection-requests",
                      conference_id=summit.event_id, person_id=summit.people["Alice"])
    assert itself.status_code == 422
    outsider = summit.person("Mallory")
    elsewhere = api.post(summit.people["Alice"], "/connection-requests",
                         conference_id=summit.event_id, person_id=outsider)
    assert elsewhere.status_code in (403, 404)


def test_nobody_connects_on_their_word_alone(summit):
    alone = summit.api.post(summit.people["Alice"], "/connections",
                            conference_id=summit.event_id, person_id=summit.people["Bob"])
    assert alone.status_code in (404, 405)
    assert connected(summit, "Alice") == []


def test_asking_everyone_in_the_directory_harvests_no_email(summit):
    """Everyone shares contact details with their connections; Mallory asks them all to
    connect, nobody answers, and she reads every page and API she can reach."""
    api, event = summit.api, summit.event_id
    for name in ("Carol", "Dan", "Erin"):
        summit.guest(name)
    mallory = summit.guest("Mallory")["person_id"]
    for name in ("Alice", "Bob", "Carol", "Dan", "Erin"):
        api.do(summit.people[name], f"/events/{event}/attendees/me/consent",
               consent={"listed_in_directory": True, "contact_shared_with_connections": True})
    listed = api.read(mallory, f"/events/{event}/directory")
    others = [row["person_id"] for row in listed if row["person_id"] != mallory]
    assert len(others) == 5
    for other in others:
        assert api.do(mallory, "/connection-requests", conference_id=event,
                      person_id=other)["status"] == "pending"
    headers = api.headers(mallory) | {"Accept": "text/html"}
    paths = [f"/api/v1/events/{event}/directory", "/api/v1/me/timeline", "/api/v1/me/ledger",
             "/api/v1/me/follow-ups", "/api/v1/connection-requests/waiting",
             f"/events/{event}/directory", "/timeline", "/follow-ups", "/", "/me/data",
             "/me/data/connections.vcf", "/me/data/timeline.json", "/me/data/timeline.csv"]
    paths += [f"/api/v1/me/contacts/{o}" for o in others] + [f"/contacts/{o}" for o in others]
    paths += [f"/contacts/{o}/card.vcf" for o in others]
    seen = "".join(api.client.get(path, headers=headers, params={"after": api.position}).text
                   for path in paths)
    assert "@example.org" not in seen


def test_only_an_accepted_request_counts_in_follow_ups_exports_the_graph_and_figures(summit):
    """Pending, declined and blocked requests leave no trace an organizer or the sender
    could count; the one accepted shows everywhere a connection does."""
    api, organizer, event = summit.api, summit.organizer, summit.event_id
    for name in ("Carol", "Dan"):
        summit.guest(name)
    for name in ("Alice", "Bob", "Carol", "Dan"):
        api.do(summit.people[name], f"/events/{event}/attendees/me/consent",
               consent={"listed_in_directory": True, "shared_with_organizer": True})
    requests = {name: ask(summit, "Alice", name)["request_id"] for name in ("Bob", "Carol", "Dan")}
    api.do(summit.people["Carol"], f"/connection-requests/{requests['Carol']}/answer",
           accept=False)
    api.do(summit.people["Dan"], f"/connection-requests/{requests['Dan']}/answer",
           accept=False, block=True)

    def counted() -> tuple[list[str], int, int, int]:
        met = [c["other_id"] for c in
               api.read(summit.people["Alice"], "/me/follow-ups")["met_without_follow_up"]]
        edges = [api.client.get(f"/api/v1/events/{event}/exports/{name}",
                                headers=api.headers(organizer), params={"after": api.position})
                 for name in ("connections.csv", "connections.graphml")]
        assert all(e.status_code == 200 for e in edges)
        totals = api.read(organizer, f"/events/{event}/figures")["totals"]
        return (met, edges[0].text.count(summit.people["Alice"]),
                edges[1].text.count("<edge "), totals.get("connection", 0))

    assert counted() == ([], 0, 0, 0)
    assert connected(summit, "Alice") == []
    api.do(summit.people["Bob"], f"/connection-requests/{requests['Bob']}/answer", accept=True)
    assert counted() == ([summit.people["Bob"]], 1, 1, 1)
