"""Every operation in the OpenAPI document that takes a body answers each way a body can be
malformed with a 4xx problem a person understands, never a 500: taken from the document,
so a route added tomorrow is tried too."""

from __future__ import annotations

import re
import uuid

import pytest

from goodwill.http.app import MAX_BODY_BYTES
from goodwill.http.schemas.imports import UPLOAD_BYTES
from tests.http.api import PROBLEM

JSON = {"content-type": "application/json"}
MALFORMED = {
    "deep arrays": (b"[" * 30_000 + b"]" * 30_000, JSON, 400),
    "deep objects": (b'{"a":' * 5_000 + b"1" + b"}" * 5_000, JSON, 400),
    "invalid UTF-8": (b'{"text": "\xff\xfe"}', JSON, 400),
    "lone surrogate": (b'{"text": "\\ud800"}', JSON, 400),
    "not JSON": (b"{nope", JSON, 400),
    "a list": (b"[]", JSON, 400),
    "plain text": (b'{"a": 1}', {"content-type": "text/plain"}, 415),
    "a form": (b"a=1", {"content-type": "application/x-www-form-urlencoded"}, 415),
    "no content type": (b'{"a": 1}', {}, 415),
    "larger than any upload": (b'{"a": "' + b"x" * (UPLOAD_BYTES + 2 * MAX_BODY_BYTES)
                               + b'"}', JSON, 413),
}


def operations(summit) -> list[tuple[str, str]]:
    """(method, path) of every operation with a body, its path values filled in: the
    summit's event, and ids nobody has."""
    document = summit.api.client.get("/schema/openapi.json").json()
    found = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            if "requestBody" in operation:
                filled = path.replace("{conference_id}", summit.event_id)
                found.append((method, re.sub(r"\{\w+\}", str(uuid.uuid4()), filled)))
    return found


@pytest.mark.parametrize("kind", MALFORMED)
def test_every_body_taking_operation_refuses_a_malformed_body_with_a_problem(summit, kind):
    body, headers, status = MALFORMED[kind]
    api = summit.api
    found = operations(summit)
    assert len(found) >= 40
    answers = {}
    for method, path in found:
        answer = api.client.request(method, path, content=body,
                                    headers={**api.headers(summit.organizer), **headers})
        assert answer.headers["content-type"] == PROBLEM, (path, answer.text[:200])
        answers[f"{method} {path}"] = (answer.status_code, answer.json()["detail"])
    wrong = {op: a for op, a in answers.items() if a[0] != status}
    assert not wrong, wrong


def test_only_an_import_may_be_larger_than_a_command(summit):
    api, body = summit.api, b'{"a": "' + b"x" * MAX_BODY_BYTES + b'"}'
    statuses: dict[str, set[int]] = {}
    for method, path in operations(summit):
        answer = api.client.request(method, path, content=body,
                                    headers={**api.headers(summit.organizer), **JSON})
        statuses.setdefault("imports" if path.endswith("/imports") else "commands",
                            set()).add(answer.status_code)
    assert statuses == {"commands": {413}, "imports": {400}}
