"""Meeting people on the first day: about four connections each, most by scanning a badge,
and introductions that some accept, some decline and some leave unanswered."""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

from goodwill.demo.state import Demo, Guest, Meeting

LAST_TALK = 18 * 60 + 30  # minutes after midnight: the evening reception ends


def network(demo: Demo) -> None:
    arrived = [guest for guest in demo.guests if guest.arrived is not None]
    demo.tally["arrived"] = len(arrived)
    demo.each("connections", pairs(demo, arrived), lambda pair: connect(demo, *pair))
    demo.each("introductions", introductions(demo), lambda trio: introduce(demo, *trio))


def pairs(demo: Demo, arrived: list[Guest]) -> list[tuple[Guest, Guest]]:
    """About two pairs per guest, so each guest meets about four people."""
    chosen: dict[frozenset, tuple[Guest, Guest]] = {}
    for _ in range(len(arrived) * 20):
        if len(chosen) >= 2 * len(arrived) or len(arrived) < 2:
            break
        a, b = demo.rng.sample(arrived, 2)
        chosen.setdefault(frozenset((a.person_id, b.person_id)), (a, b))
    return list(chosen.values())


def connect(demo: Demo, a: Guest, b: Guest) -> None:
    minute = demo.rng.uniform(max(a.arrived, b.arrived) + 5, LAST_TALK)
    at = demo.at(minute)
    if demo.chance(0.7):
        demo.send("connect_by_badge", a.person_id, b.connect_code, happened_at=at)
        demo.tally["connections by badge"] += 1
    else:
        asked = demo.send("request_connection", a.person_id, demo.conference_id, b.person_id,
                          happened_at=at)
        demo.send("answer_connection_request", b.person_id, asked["request_id"], accept=True)
        demo.tally["connections by request"] += 1
    demo.meetings.append(Meeting(a, b, minute))


def introductions(demo: Demo) -> list[tuple[Guest, Meeting, Meeting]]:
    """An introducer and two people they met who have not met each other yet."""
    contacts: dict[UUID, list[Meeting]] = defaultdict(list)
    for m in demo.meetings:
        contacts[m.a.person_id].append(m)
        contacts[m.b.person_id].append(Meeting(m.b, m.a, m.minute))
    met = {frozenset((m.a.person_id, m.b.person_id)) for m in demo.meetings}
    introducers = [g for g in demo.guests if len(contacts[g.person_id]) >= 2]
    trios = []
    for introducer in demo.rng.sample(introducers, min(len(introducers), len(met) // 12 + 1)):
        first, second = demo.rng.sample(contacts[introducer.person_id], 2)
        if frozenset((first.b.person_id, second.b.person_id)) not in met:
            trios.append((introducer, first, second))
    return trios


def introduce(demo: Demo, introducer: Guest, first: Meeting, second: Meeting) -> None:
    """Half are accepted by both (and so connect them); the rest are declined or pending."""
    a, b = first.b, second.b
    minute = demo.rng.uniform(max(first.minute, second.minute), LAST_TALK)
    why = (f"{a.first_name} is looking for {a.invitee.profile.needs};"
           f" {b.first_name} offers {b.invitee.profile.offers}.")
    intro = demo.send("introduce", introducer.person_id, demo.conference_id, a.person_id,
                      b.person_id, why, happened_at=demo.at(minute))["introduction_id"]
    demo.tally["gives: introduction"] += 2
    answers = demo.rng.choice(((True, True), (True, True), (True, False), (True,), ()))
    for person, accept in zip((a, b), answers):
        demo.send("answer_introduction", person.person_id, intro, accept)
    outcome = {(True, True): "accepted", (True, False): "declined"}.get(answers, "pending")
    demo.tally[f"introductions {outcome}"] += 1
    if outcome == "accepted":
        demo.meetings.append(Meeting(a, b, minute))
