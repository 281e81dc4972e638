"""The consent choices as a person reads them, each off until ticked, shared by the profile
page and the join page: an unticked box is not sent at all, so it is a choice to share
nothing."""

from __future__ import annotations

from typing import Any

from goodwill.domain.attendee import Consent

CHOICES = (
    ("listed_in_directory", "List me in this event's directory",
     "Everyone at this event can find me there and see my profile: when they scan my badge"
     " too, and on the contact card my connections save."),
    ("contact_shared_with_connections", "Show my email to my connections",
     "People I have connected with see my email on my contact page and on the contact card"
     " they save; nobody else does."),
    ("shared_with_organizer", "Share my profile with the organizers",
     "This event's organizers see my profile and email in their attendee list and may"
     " export it; without this they see an anonymous entry, and door staff only my name."),
    ("kept_rate_on_profile", "Show how I keep my word on my directory profile",
     "The share of my promises kept, of those that came due or ended (kept, overdue or"
     " released), shows on my profile in the directory, counted over every event."),
)


def consent_of(form: Any) -> Consent:
    return Consent(**{choice: form.get(choice) == "yes" for choice, _, _ in CHOICES})
