"""The directory read model on both stores."""

import asyncio
import uuid

from goodwill.domain.attendee import Consent
from goodwill.projections import directory


def test_directory_lists_only_attendees_who_opted_in(system, scenario):
    scenario.guest("Alice Archer", company="Archer Design", offers="UX reviews")
    scenario.guest("Bob Baker", listed=False)
    system.runner.catch_up()

    async def read():
        await system.reader.open()
        try:
            return (await directory.listed(system.reader, scenario.conference_id),
                    await directory.listed(system.reader, scenario.conference_id, "ux"))
        finally:
            await system.reader.close()

    everyone, ux = asyncio.run(read())
    assert [r["name"] for r in everyone] == ["Alice Archer"]
    assert [r["company"] for r in ux] == ["Archer Design"]


def test_consent_change_takes_effect_in_the_directory(system, scenario):
    alice = scenario.guest("Alice Archer")
    system.app.change_consent(alice.person_id, uuid.uuid4(), scenario.conference_id, Consent())
    system.runner.catch_up()

    async def read():
        await system.reader.open()
        try:
            return await directory.listed(system.reader, scenario.conference_id)
        finally:
            await system.reader.close()

    assert asyncio.run(read()) == []
