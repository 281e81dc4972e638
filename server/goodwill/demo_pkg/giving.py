"""Gives of every kind between people who met, and what came back: thanks, a few disputes,
a retraction, and what became of the referrals."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from goodwill.demo_state import Demo, Meeting

KINDS = ("referral", "resource", "insight", "advice", "support", "collaboration")
NOTES = {
    "referral": "Referred {receiver} to a client who needs {offers}.",
    "resource": "Sent {receiver} our checklist for finding {needs}.",
    "insight": "Shared what worked for us when we were looking for {needs}.",
    "advice": "Talked {receiver} through pricing for {offers}.",
    "support": "Covered {receiver}'s booth while they ran to a meeting.",
    "collaboration": "Co-hosting a session with {receiver} on {offers}.",
}
LAST_GIVE = 19 * 60 + 30  # minutes after midnight on the first day
OUTCOME_PATHS = ((), ("contacted",), ("contacted", "won"), ("won",), ("contacted", "lost"),
                 ("lost",))


def give_and_answer(demo: Demo) -> None:
    """Every kind comes first once, so even a tiny demo shows them all."""
    count = max(len(KINDS), round(len(demo.meetings) * 0.6))
    plans = [(KINDS[n] if n < len(KINDS) else demo.rng.choice(KINDS), demo.some_meeting())
             for n in range(count if demo.meetings else 0)]
    demo.each("gives", plans, lambda plan: give(demo, *plan))


def give(demo: Demo, kind: str, meeting: Meeting) -> None:
    """A quarter are recorded by their receiver, which confirms them at once."""
    giver, receiver = meeting.a, meeting.b
    recorder = receiver if demo.chance(0.25) else giver
    note = NOTES[kind].format(receiver=receiver.first_name, **vars(receiver.invitee.profile))
    at = demo.at(demo.rng.uniform(meeting.minute, max(meeting.minute, LAST_GIVE)))
    give_id = demo.send("give", recorder.person_id, demo.conference_id, giver.person_id,
                        receiver.person_id, kind, note, happened_at=at)["give_id"]
    demo.tally[f"gives: {kind}"] += 1
    status = answer(demo, meeting, give_id) if recorder is giver else "thanked"
    if kind == "referral" and status in ("thanked", "pending"):
        report_outcome(demo, meeting, give_id)


def answer(demo: Demo, meeting: Meeting, give_id: UUID) -> str:
    """Most are thanked, a few disputed or retracted, the rest still wait for an answer."""
    roll = demo.rng.random()
    if roll < 0.65:
        demo.send("thank", meeting.b.person_id, give_id, f"Thank you, {meeting.a.first_name}!")
        status = "thanked"
    elif roll < 0.7:
        demo.send("dispute", meeting.b.person_id, give_id, "I don't remember this one.")
        status = "disputed"
    elif roll < 0.75 and demo.tally["gives retracted"] < 3:
        demo.send("retract", meeting.a.person_id, give_id, "Recorded for the wrong person.")
        status = "retracted"
    else:
        status = "pending"
    demo.tally[f"gives {status}"] += 1
    return status


def report_outcome(demo: Demo, meeting: Meeting, give_id: UUID) -> None:
    """The receiver tells what came of a referral: BNI's "thank you for closed business"."""
    path = demo.rng.choices(OUTCOME_PATHS, weights=(2, 3, 4, 2, 1, 1))[0]
    for outcome in path:
        value = Decimal(demo.rng.randrange(500, 25_000, 250)) if outcome == "won" else None
        demo.send("record_outcome", meeting.b.person_id, give_id, outcome, value,
                  "EUR" if value else "")
        demo.tally[f"referrals {outcome}"] += 1
