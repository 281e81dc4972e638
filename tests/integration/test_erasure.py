"""Forget me: afterwards no name, email, company or free text of the person is anywhere —
not in the event store, the read models, a full rebuild or the key store — while the
counts stay right."""

import asyncio
import uuid
from datetime import date
from pathlib import Path

import psycopg

from goodwill.domain.attendee import Consent, Profile
from goodwill.projections import directory, figures, ledger, timeline
from tests.conftest import POSTGRES_URL
from tests.integration.queries import introduce, scan_badge

SECRETS = {"name": "Zenobia Quillfeather", "email": "zenobia.q@example.org",
           "company": "Xylophonic Ventures", "offers": "Kiln-dried walnut consulting",
           "needs": "A gnomon calibrator", "note": "Told Bob about the umbral grant",
           "received": "Bob fixed my hexachord demo", "listening": "Bob wants a bassoon",
           "promise": "Send Bob the quincunx slides", "why": "Both love orrery repair"}


def zenobia_story(system, scenario):
    app, event = system.app, scenario.conference_id
    person = app.register_person(scenario.organizer, uuid.uuid4(), SECRETS["name"],
                                 SECRETS["email"]).result["person_id"]
    app.register_attendee(scenario.organizer, uuid.uuid4(), event, person,
                          Profile(name=SECRETS["name"], company=SECRETS["company"],
                                  offers=SECRETS["offers"], needs=SECRETS["needs"]),
                          Consent(True, True, True))
    bob, carol = scenario["Bob"].person_id, scenario["Carol"].person_id
    scan_badge(app, person, bob, event)
    given = app.give(person, uuid.uuid4(), event, person, bob, "insight", SECRETS["note"])
    app.thank(bob, uuid.uuid4(), given.result["give_id"], "Thanks!")
    app.give(person, uuid.uuid4(), event, bob, person, "support", SECRETS["received"])
    app.note(person, uuid.uuid4(), event, bob, "need", SECRETS["listening"])
    app.promise(person, uuid.uuid4(), event, bob, SECRETS["promise"], date(2026, 12, 1))
    introduce(app, person, event, bob, carol, SECRETS["why"])
    return person, bob


def stored_text(system) -> str:
    """Every byte the store keeps: its files on SQLite, every table's rows on PostgreSQL."""
    if not system.settings.is_postgres:
        folder = Path(system.settings.sqlite_path).parent
        return "".join(p.read_bytes().decode("latin-1") for p in folder.iterdir() if p.is_file())
    schema = system.settings.postgres["schema"]
    with psycopg.connect(POSTGRES_URL) as conn:
        tables = conn.execute("SELECT table_name FROM information_schema.tables"
                              " WHERE table_schema = %s", (schema,)).fetchall()
        return "".join(str(conn.execute(f'SELECT t::text FROM "{schema}"."{t}" t').fetchall())
                       for (t,) in tables)


def decoded_log(system) -> list:
    return [system.app.mapper.to_domain_event(n)
            for n in system.app.recorder.select_notifications(1, 10_000)]


def found(text: str) -> set[str]:
    return {k for k, v in SECRETS.items() if v in text}


def read_models(system, person, bob, event):
    async def read():
        await system.reader.open()
        try:
            db = system.reader
            return (await timeline.timeline(db, bob, limit=200), await ledger.pair_ledger(db, bob, person),
                    await directory.listed(db, event), await figures.figures(db, event))
        finally:
            await system.reader.close()
    return asyncio.run(read())


def test_forget_me_leaves_no_personal_data_and_right_counts(system, scenario):
    person, bob = zenobia_story(system, scenario)
    system.runner.catch_up()
    before = read_models(system, person, bob, scenario.conference_id)
    assert found(stored_text(system)) == set(SECRETS), "the read models hold the texts"
    events_only = b"".join(r.state for r in system.app.recorder.select_notifications(1, 10_000))
    assert found(events_only.decode("latin-1")) == set(), "event payloads are sealed"

    system.app.forget_person(person, uuid.uuid4(), person)
    system.runner.catch_up()

    assert found(stored_text(system)) == set()
    assert found(repr(decoded_log(system))) == set(), "the key that sealed them is gone"
    after = read_models(system, person, bob, scenario.conference_id)
    assert found(repr(after)) == set()
    assert after[1]["given"] == before[1]["given"] and after[1]["received"] == before[1]["received"]
    assert after[3]["totals"] == before[3]["totals"]
    assert len(after[0]) == len(before[0])

    system.runner.rebuild()
    assert found(stored_text(system)) == set()
    assert found(repr(read_models(system, person, bob, scenario.conference_id))) == set()


def test_the_same_email_registers_a_new_person_after_forgetting(system, scenario):
    person, _ = zenobia_story(system, scenario)
    system.app.forget_person(scenario.organizer, uuid.uuid4(), person, scenario.conference_id)
    again = system.app.register_person(scenario.organizer, uuid.uuid4(), "Zenobia", SECRETS["email"])
    assert again.result["created"] and again.result["person_id"] != person
