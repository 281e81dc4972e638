"""What people took home: listening notes about their contacts, and promises — some due
later, some already overdue, some kept or dropped."""

from __future__ import annotations

from datetime import timedelta

from goodwill.demo.state import Demo, Meeting

NOTES = {
    "need": "Needs {needs}; ask around.",
    "goal": "Wants to grow {company} next year; could use {needs}.",
    "challenge": "Struggling to find {needs} without a big budget.",
}
PROMISES = ("Send {name} the deck from my talk", "Introduce {name} to someone who offers {needs}",
            "Share my notes on {needs} with {name}", "Book a call with {name} about {company}")


def follow_up(demo: Demo) -> None:
    count = round(len(demo.meetings) * 0.3) if demo.meetings else 0
    demo.each("listening notes", [demo.some_meeting() for _ in range(count)],
              lambda meeting: note(demo, meeting))
    demo.each("promises", [demo.some_meeting() for _ in range(count)],
              lambda meeting: promise(demo, meeting))


def note(demo: Demo, meeting: Meeting) -> None:
    kind = demo.rng.choice(tuple(NOTES))
    text = NOTES[kind].format(**vars(meeting.b.invitee.profile))
    demo.send("note", meeting.a.person_id, demo.conference_id, meeting.b.person_id, kind, text)
    demo.tally["listening notes"] += 1


def promise(demo: Demo, meeting: Meeting) -> None:
    """Overdue ones were due on the first day, the others within the next two weeks."""
    what = demo.rng.choice(PROMISES).format(**vars(meeting.b.invitee.profile))
    overdue = demo.chance(0.4)
    due_on = demo.starts_on if overdue else demo.today + timedelta(days=demo.rng.randint(0, 14))
    promise_id = demo.send("promise", meeting.a.person_id, demo.conference_id,
                           meeting.b.person_id, what, due_on)["promise_id"]
    roll = demo.rng.random()
    if roll < 0.15:
        demo.send("keep_promise", meeting.a.person_id, promise_id)
        demo.tally["promises kept"] += 1
    elif roll < 0.22:
        demo.send("drop_promise", meeting.a.person_id, promise_id, "Turned out they had it.")
        demo.tally["promises dropped"] += 1
    else:
        demo.tally["promises open, overdue" if overdue else "promises open, due later"] += 1
