"""How fast my contacts and my suggestions answer with 300 contacts and 1,000 notes about
them: p50 and p95 server time of the contacts page, its next page as htmx asks for it, a
search, the API's list, and the suggestions page and API, each set against the same client's
GET /healthz in the same run (the framework's floor). Requests go through the in-process
ASGI client, so the time is the server's, with no network in it. The contacts offer, and the
notes say, what the labelled matching set's offers and needs do (tests/data/matching).
"""

from __future__ import annotations

import dataclasses
import json
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta

from litestar.testing import TestClient

from goodwill.http.app import create_app
from goodwill.settings import Settings
from tests.conftest import SECRET_KEY, SITE
from tests.http.api import Api
from tests.scenario import Scenario

REQUESTS = 200
WARM_UP = 10
TARGET_P95_MS = 50.0
"""The bar the contacts and suggestions pages are held to with 300 contacts; stated beside the
figure, not asserted: a timing is measured here, never tested."""


def seed_contacts(api: Api, size: int, notes: int) -> uuid.UUID:
    """Mia met ``size`` people at one event, each offering something; with every third she
    gave, every fifth gave her, every seventh she promised something; and she noted
    ``notes`` needs of theirs. Answers Mia's id."""
    app = api.system.app
    event = Scenario(app)
    mia = event.guest("Mia Meyer").person_id
    from tests.benchmarks.match_quality import LABELLED  # it imports bench, which imports this
    labelled = json.loads(LABELLED.read_text())
    offers, needs = labelled["offers"], labelled["needs"]
    met = []
    for n in range(size):
        other = event.guest(f"Guest {n:04d}", company=f"Company {n % 37}",
                            offers=offers[n % len(offers)]["text"])
        met.append(other.person_id)
        app.connect_by_badge(mia, uuid.uuid4(), other.connect_code)
        if n % 3 == 0:
            app.give(mia, uuid.uuid4(), event.conference_id, mia, other.person_id, "advice", "")
        if n % 5 == 0:
            app.give(other.person_id, uuid.uuid4(), event.conference_id, other.person_id, mia,
                     "resource", "A supplier list")
        if n % 7 == 0:
            app.promise(mia, uuid.uuid4(), event.conference_id, other.person_id, "Send the deck",
                        date.today() + timedelta(days=n % 14))
    for n in range(notes):
        app.note(mia, uuid.uuid4(), event.conference_id, met[n % size], "need",
                 needs[n % len(needs)]["text"])
    api.system.runner.catch_up()  # the pages are measured on read models that have caught up
    if api.system.settings.is_postgres:  # with the statistics autovacuum would have gathered
        with api.system.writer.transaction() as tx:
            tx.execute("ANALYZE")
    api.position = app.recorder.max_notification_id()
    return mia


def percentiles(get: Callable[[], object]) -> dict[str, float]:
    for _ in range(WARM_UP):
        get()
    seconds = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        get()
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    return {"p50_ms": seconds[len(seconds) // 2] * 1000,
            "p95_ms": seconds[int(len(seconds) * 0.95) - 1] * 1000}


def measure_contacts(settings: Settings, size: int, notes: int) -> dict:
    """On the store ``settings`` name, answering as the test client's site does."""
    settings = dataclasses.replace(settings, secret_key=SECRET_KEY, public_url=SITE)
    with TestClient(create_app(settings), base_url=SITE) as client:
        api = Api(client)
        mia = seed_contacts(api, size, notes)
        headers = api.headers(mia)
        caught_up = {"after": str(api.position)}
        client.get("/contacts", headers=headers, params=caught_up).raise_for_status()
        first = api.read(mia, "/me/contacts")["next_following"]

        def page(path: str, **params: str) -> Callable[[], object]:
            def get() -> object:
                answer = client.get(path, headers=headers, params=params)
                assert answer.status_code == 200, answer.text
                return answer
            return get

        measures = {
            "baseline GET /healthz": page("/healthz"),
            f"GET /contacts (first 50 of {size})": page("/contacts"),
            **({"GET /contacts, the next 50 (htmx)": page("/contacts", following=first)}
               if first else {}),
            "GET /contacts?q=Company 3 (search)": page("/contacts", q="Company 3"),
            "GET /api/v1/me/contacts": page("/api/v1/me/contacts"),
            f"GET /suggestions ({notes:,} notes)": page("/suggestions"),
            "GET /api/v1/me/suggestions": page("/api/v1/me/suggestions"),
        }
        timings = {name: percentiles(get) for name, get in measures.items()}
    floor = timings["baseline GET /healthz"]["p95_ms"]
    within = all(t["p95_ms"] <= TARGET_P95_MS for t in timings.values())
    return {"about": f"{size} contacts, {notes:,} notes, {REQUESTS} requests each; target p95 ≤"
                     f" {TARGET_P95_MS:.0f} ms: {'met' if within else 'NOT met'}",
            "timings": timings, "within_target": within,
            "p95_ratio_to_baseline": {name: t["p95_ms"] / floor for name, t in timings.items()}}


LATENCY_HEADING = f"{'measure':<44}{'p50 ms':>9}{'p95 ms':>9}{'p95 × baseline':>16}"


def latency_lines(result: dict) -> list[str]:
    return [f"{name:<44}{t['p50_ms']:>9.1f}{t['p95_ms']:>9.1f}"
            f"{result['p95_ratio_to_baseline'][name]:>16.1f}"
            for name, t in result["timings"].items()]
