"""What surrounds the API: health, readiness, the OpenAPI document, waiting for the read
models, and errors nobody planned for."""

from __future__ import annotations

import uuid

from litestar import Litestar, get
from litestar.testing import TestClient

from goodwill.http.core.errors import EXCEPTION_HANDLERS
from goodwill.projections import all_projections
from tests.http.api import PROBLEM
from tests.scenario import ROOT


def test_healthz_answers_while_the_process_lives(client):
    assert client.get("/healthz").status_code == 200


def test_readyz_reports_every_read_model(client):
    ready = client.get("/readyz")
    assert (ready.status_code, ready.json()["ready"]) == (200, True)
    reported = {p["name"]: p for p in ready.json()["projections"]}
    assert set(reported) == {p.name for p in all_projections()}
    assert all(p["lag"] == p["head"] - p["position"] for p in reported.values())


def test_readyz_is_503_while_the_read_models_trail_far_behind(client):
    system = client.app.state.system
    system.runner.stop()
    for n in range(340):  # three events each: a person, their email index, the receipt
        system.app.register_person(ROOT, uuid.uuid4(), f"Guest {n}", f"guest{n}@example.org")
    lagging = client.get("/readyz")
    assert (lagging.status_code, lagging.json()["ready"]) == (503, False)
    assert min(p["lag"] for p in lagging.json()["projections"]) > 1000


def test_a_read_that_cannot_catch_up_answers_marked_stale(api):
    organizer = api.founding_organizer()
    signed_in = api.headers(organizer)
    api.client.app.state.system.runner.stop()
    made = api.post(organizer, "/events", name="Meetup", starts_on="2026-12-01",
                    ends_on="2026-12-01", timezone="Europe/Berlin")
    behind = api.client.get("/api/v1/events", params={"after": made.json()["position"]},
                            headers=signed_in)
    assert (behind.status_code, behind.headers["x-goodwill-stale"]) == (200, "true")


def test_the_openapi_document_lists_every_command(client):
    document = client.get("/schema/openapi.json").json()
    posts = {path: item["post"] for path, item in document["paths"].items()
             if "post" in item and path.startswith("/api/v1/")}
    assert {"/api/v1/events", "/api/v1/tickets/check-in", "/api/v1/gives/{give_id}/thanks",
            "/api/v1/introductions/{introduction_id}/answer", "/api/v1/notes/{note_id}/revise",
            "/api/v1/promises/{promise_id}/reschedule", "/api/v1/connections/badge"} <= set(posts)
    schemas = document["components"]["schemas"]
    for operation in posts.values():
        body = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        assert is_command(schemas, body) or carries_commands(schemas, body), body


def is_command(schemas: dict, ref: str) -> bool:
    return "command_id" in schemas[ref.rsplit("/", 1)[1]]["required"]


def carries_commands(schemas: dict, ref: str) -> bool:
    """A batch (a door device's offline queue) carries commands, each with its own id."""
    fields = schemas[ref.rsplit("/", 1)[1]]["properties"].values()
    return any("$ref" in field.get("items", {}) and is_command(schemas, field["items"]["$ref"])
               for field in fields)


def test_unknown_routes_and_oversized_bodies_are_problems(api):
    me = api.headers(api.founding_organizer())
    missing = api.client.get("/api/v1/nowhere", headers=me)
    assert (missing.status_code, missing.headers["content-type"]) == (404, PROBLEM)
    assert missing.json()["detail"] == "There is nothing at /api/v1/nowhere."
    huge = api.client.post("/api/v1/events", content=b"x" * 70_000, headers=me)
    assert (huge.status_code, huge.headers["content-type"]) == (413, PROBLEM)


def test_an_unexpected_failure_is_a_500_that_keeps_its_secrets():
    @get("/boom")
    async def boom() -> None:
        raise RuntimeError("password=hunter2 in /srv/goodwill/secret.py")

    with TestClient(Litestar([boom], exception_handlers=EXCEPTION_HANDLERS)) as client:
        failed = client.get("/boom")
    assert (failed.status_code, failed.headers["content-type"]) == (500, PROBLEM)
    assert "hunter2" not in failed.text and "secret" not in failed.text
    assert failed.json()["type"] == "urn:goodwill:problem:internal-server-error"
