"""Fictional attendees for the demo, made from small word lists so the demo needs no data files
and the same seed always makes the same crowd."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import product

from goodwill.domain.attendee import Consent, Profile

FIRST = ("Ada", "Ben", "Chloe", "Dario", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jana",
         "Kofi", "Lena", "Mateo", "Nia", "Oskar", "Priya", "Quentin", "Rosa", "Sven", "Tomoko",
         "Ugo", "Vera", "Wim", "Ximena", "Yusuf", "Zofia", "Amara", "Bruno", "Carmen", "Deniz",
         "Emil", "Freya", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Maren", "Nils", "Olga")
LAST = ("Adler", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Horvat",
        "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
        "Quinn", "Rossi", "Schmidt", "Tanaka", "Ulrich", "Varga", "Weber", "Yilmaz", "Zeller",
        "Bauer", "Conti", "Haas", "Keller", "Mendes")
COMPANY_STEMS = ("Northwind", "Bluefin", "Kettle", "Lumen", "Oakridge", "Parcel", "Quarry",
                 "Riverstone", "Sparrow", "Tidal", "Union", "Velvet", "Willow", "Atlas", "Beacon")
COMPANY_KINDS = ("Analytics", "Labs", "Logistics", "Studio", "Health", "Robotics", "Capital",
                 "Foods", "Energy", "Legal", "Learning", "Software")
ROLES = ("Founder", "CTO", "Head of Sales", "Product Manager", "Designer", "Data Scientist",
         "Investor", "Recruiter", "Marketing Lead", "Engineer", "Consultant", "Operations Lead")
OFFERS = ("intros to seed investors", "UX reviews", "pricing advice", "hiring referrals",
          "a free workshop seat", "cloud cost reviews", "legal templates", "mentoring founders",
          "pilot customers in retail", "data pipeline help", "warm intros in Berlin",
          "pitch deck feedback", "speaking slots at our meetup", "open-source tooling")
NEEDS = ("a senior backend engineer", "first enterprise customers", "a co-founder",
         "seed funding", "a logistics partner", "beta testers", "a sales mentor",
         "office space in Berlin", "press contacts", "a design agency", "hardware suppliers",
         "grant writing help", "distribution in Spain", "a fractional CFO")


@dataclass(frozen=True)
class Invitee:
    """Someone the demo organizer registers: who they are and what they chose to share."""

    name: str
    email: str
    profile: Profile
    consent: Consent
    workshop: bool  # their ticket also opens the workshop room


MOST = len(FIRST) * len(LAST)  # every first name with every last name


def crowd(rng: random.Random, size: int) -> list[Invitee]:
    """``size`` different people, at most :data:`MOST`."""
    names = rng.sample(list(product(FIRST, LAST)), size)
    return [invitee(rng, first, last) for first, last in names]


def invitee(rng: random.Random, first: str, last: str) -> Invitee:
    company = f"{rng.choice(COMPANY_STEMS)} {rng.choice(COMPANY_KINDS)}"
    domain = company.lower().replace(" ", "-")
    profile = Profile(name=f"{first} {last}", company=company, role=rng.choice(ROLES),
                      offers=" and ".join(rng.sample(OFFERS, rng.randint(1, 2))),
                      needs=rng.choice(NEEDS))
    consent = Consent(listed_in_directory=rng.random() < 0.7,
                      shared_with_organizer=rng.random() < 0.8,
                      contact_shared_with_connections=rng.random() < 0.5,
                      kept_rate_on_profile=rng.random() < 0.3)
    return Invitee(profile.name, f"{first}.{last}@{domain}.example".lower(), profile, consent,
                  workshop=rng.random() < 0.4)
