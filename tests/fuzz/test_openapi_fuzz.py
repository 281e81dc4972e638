"""Every operation in the OpenAPI document, fed generated input, valid and not: no input may
make the server fail, and every answer must be one the document describes. Part of the
suite and of CI; ``-m "not fuzz"`` leaves it out of a quick local run."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from litestar import Litestar
from schemathesis.checks import not_a_server_error
from schemathesis.python.asgi import ASGIClient, get_client, shutdown_lifespans
from schemathesis.specs.openapi.checks import (response_schema_conformance,
                                               status_code_conformance)

from goodwill.domain.ids import ticket_id
from goodwill.http import create_app
from goodwill.settings import Settings
from goodwill.http.core.identity import CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE
from goodwill.tokens import SIGN_IN_LINK
from tests.scenario import ROOT, Scenario

pytestmark = pytest.mark.fuzz
EXAMPLES = 30
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance]
DOCUMENT = create_app(Settings()).openapi_schema.to_schema()
"""Built without starting the app, so collecting tests touches no store; the test checks
that it is the document the running app serves."""
schema = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture
def app(tmp_path) -> Iterator[Litestar]:
    yield create_app(Settings(database_url=f"sqlite:///{tmp_path}/goodwill.db",
                              public_url="http://testserver"))  # its client's host
    shutdown_lifespans()


@pytest.fixture
def client(app: Litestar) -> Iterator[ASGIClient]:
    """Starts the app's lifespan once, as a server would, and serves every case from it."""
    with get_client(app) as client:
        assert client.get("/schema/openapi.json").json() == DOCUMENT
        yield client


@pytest.fixture
def known(app: Litestar, client: ASGIClient) -> dict[str, Any]:
    """People and ids that exist, so generated requests get past "no such event"."""
    story = Scenario(app.state.system.app)
    alice, bob = story["Alice"], story["Bob"]
    return {"organizer": signed_in(app, client, story.organizer),
            "attendee": signed_in(app, client, alice.person_id),
            "ids": {"conference_id": story.conference_id, "person_id": bob.person_id,
                    "other_id": bob.person_id, "ticket_id": ticket_id(alice.ticket_code)}}


def signed_in(app: Litestar, client: ASGIClient, person: Any) -> dict[str, str]:
    """Signs ``person`` in with their personal link, as a browser does; what each of their
    requests then carries: the session cookie and the CSRF token."""
    issued = app.state.system.app.issue_sign_in_link(ROOT, uuid.uuid4(), person)
    token = app.state.signer.token(SIGN_IN_LINK, issued.result["credential_id"])
    response = client.post("http://testserver/s", data={"token": token}, allow_redirects=False)
    assert response.status_code == 303, response.text
    client.cookies.clear()
    return {"Cookie": f"{SESSION_COOKIE}={response.cookies[SESSION_COOKIE]}",
            CSRF_HEADER: response.cookies[CSRF_COOKIE]}


def sign_in(case: Any, session: dict[str, str]) -> None:
    case.headers = {**(case.headers or {}), **session}


def aim(case: Any, ids: dict[str, Any]) -> None:
    """Point path ids at things that exist; bodies and queries stay as generated."""
    for name, value in ids.items():
        if name in (case.path_parameters or {}):
            case.path_parameters[name] = str(value)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_no_input_breaks_the_api(case, app, client, known):
    """Each case is sent by an organizer, who reaches the most handlers, and by an attendee,
    who meets the refusals meant for them."""
    aim(case, known["ids"])
    for role in ("organizer", "attendee"):
        sign_in(case, known[role])
        case.call_and_validate(app=app, session=client, base_url="http://testserver",
                               checks=CHECKS)
