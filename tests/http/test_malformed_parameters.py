"""Every query parameter of every operation in the OpenAPI document is checked like a
command's values: a NUL, a value too long, a day outside 2000–2199 is a 400 naming the
parameter, on both stores; nothing is a 500."""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

import pytest

from tests.http.api import PROBLEM

BAD_TEXT = {"a NUL": ("%00", 400), "a control character": ("a%1Bb", 400),
            "10,000 characters": ("x" * 10_000, 400),
            "a lone surrogate": ("%ED%A0%80", None)}
"""``None``: any answer but a 500 (the URL's bytes are not UTF-8, so they read as U+FFFD)."""
BAD_DAYS = {"year 9999": "9999-12-31", "year 1000": "1000-01-01",
            "a moment in year 9999": "9999-12-31T23:59:00+00:00"}


def operations(summit) -> list[tuple[str, str, dict]]:
    """(method, path, its query parameters by name) of every operation that has any."""
    document = summit.api.client.get("/schema/openapi.json").json()
    found = []
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            query = {p["name"]: p.get("schema", {}) for p in operation.get("parameters", [])
                     if p["in"] == "query"}
            if query:
                filled = path.replace("{conference_id}", summit.event_id)
                found.append((method, re.sub(r"\{\w+\}", str(uuid.uuid4()), filled), query))
    return found


def dated(schema: dict) -> bool:
    kinds = [schema, *schema.get("oneOf", ()), *schema.get("anyOf", ())]
    return any(k.get("format") in ("date", "date-time") for k in kinds)


def tried(summit, method: str, path: str, name: str, raw: str):
    api = summit.api
    answer = api.client.request(method, f"{path}?{name}={raw}",
                                headers=api.headers(summit.organizer))
    assert answer.status_code < 500, (method, path, name, answer.text[:300])
    if answer.status_code >= 400:
        assert answer.headers["content-type"] == PROBLEM
    return answer


@pytest.mark.parametrize("kind", BAD_TEXT)
def test_every_query_parameter_refuses_text_no_store_can_hold(summit, kind):
    raw, status = BAD_TEXT[kind]
    found = operations(summit)
    assert sum(len(query) for _, _, query in found) >= 20
    for method, path, query in found:
        for name in query:
            answer = tried(summit, method, path, name, raw)
            if status is not None:
                assert answer.status_code == status, (path, name, answer.text[:300])
                assert answer.json()["errors"][0]["field"] == name


@pytest.mark.parametrize("kind", BAD_DAYS)
def test_every_day_or_moment_in_a_query_is_within_2000_to_2199(summit, kind):
    days = [(method, path, name) for method, path, query in operations(summit)
            for name, schema in query.items() if dated(schema)]
    assert days, "the follow-ups' today and the dashboard's day at least"
    for method, path, name in days:
        answer = tried(summit, method, path, name, quote(BAD_DAYS[kind]))
        assert answer.status_code == 400, (path, name, answer.text[:300])
        assert "from 2000 to 2199" in answer.json()["detail"]


def test_a_nul_in_a_path_value_is_a_400(summit):
    answer = summit.api.client.get("/c/%00ABC")
    assert answer.status_code == 400
    assert "control characters" in answer.text
