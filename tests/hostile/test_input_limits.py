"""Lengths are checked before anything scrubs or parses (issue 9, Critical).

The tests walk the OpenAPI document, so an endpoint added later is covered without a new test. A hang guard (10 s,
far above any real answer) turns a request that stalls the server into a failure instead of a frozen test run."""

import json
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

from eo13.api_limits import LABEL_MAX, NOTE_MAX, TEXT_MAX

ONE_MB = "a" * 1_000_000
HANG_GUARD_SECONDS = 10


@contextmanager
def hang_guard(what: str) -> Iterator[None]:
    def _fail(*_: Any) -> None:
        raise AssertionError(f"{what} did not answer within {HANG_GUARD_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, _fail)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _resolve(doc: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = doc["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    if "oneOf" in schema:  # the decision facts: one schema per kind; the first stands for all
        return _resolve(doc, schema["oneOf"][0])
    return schema


def _is_text(doc: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = _resolve(doc, schema)
    if schema.get("type") == "string":
        return "enum" not in schema and "format" not in schema
    return any(_is_text(doc, s) for s in schema.get("anyOf", []))


def _is_text_list(doc: dict[str, Any], schema: dict[str, Any]) -> bool:
    schema = _resolve(doc, schema)
    return schema.get("type") == "array" and _is_text(doc, schema.get("items", {}))


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            if isinstance(op, dict) and "responses" in op:
                yield path, method, op


def _json_text_fields(doc: dict[str, Any]) -> Iterator[tuple[str, str, str, bool]]:
    """(method, path, field, is_list) for every text field of every JSON request body."""
    for path, method, op in _operations(doc):
        content = op.get("requestBody", {}).get("content", {})
        if "application/json" not in content:
            continue
        body = _resolve(doc, content["application/json"]["schema"])
        for name, prop in body.get("properties", {}).items():
            if _is_text(doc, prop):
                yield method, path, name, False
            elif _is_text_list(doc, prop):
                yield method, path, name, True


def _query_text_params(doc: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    for path, method, op in _operations(doc):
        for p in op.get("parameters", []):
            if p["in"] == "query" and _is_text(doc, p.get("schema", {})):
                yield method, path, p["name"]


def _url(path: str) -> str:
    """Every path parameter as 1: the limits are checked before the record is looked up."""
    import re

    return re.sub(r"\{[^}]+\}", "1", path)


@pytest.fixture
def doc(client: Client) -> dict[str, Any]:
    return client.get("/api/v1/openapi.json").json()


@pytest.fixture
def city_hall_api(make_user: Any, api_as: Any) -> Any:
    return api_as(make_user("city_hall", "CITYHALL"))


def _assert_refused(response: Any, what: str) -> None:
    assert response.status_code in (400, 413, 422), f"{what}: {response.status_code}"
    body = response.json()
    assert "error" in body and "field" in body, f"{what}: {body}"


def test_the_walk_finds_the_fields_it_must_cover(doc: dict[str, Any]) -> None:
    fields = {(m, p, f) for m, p, f, _ in _json_text_fields(doc)}
    assert ("post", "/api/v1/auth/token", "username") in fields
    assert ("post", "/api/v1/policies", "body") in fields
    assert ("put", "/api/v1/audit-reports/{code}", "findings") in fields
    assert ("post", "/api/v1/calendar-feeds", "name") in fields
    assert len(fields) > 40
    assert ("get", "/api/v1/properties", "q") in set(_query_text_params(doc))


def test_a_1mb_string_in_any_json_text_field_is_refused_with_the_field_named(
    doc: dict[str, Any], city_hall_api: Any
) -> None:
    tried = 0
    for method, path, field, is_list in _json_text_fields(doc):
        cache.clear()  # rate limits are not what this test is about
        value: Any = [ONE_MB] if is_list else ONE_MB
        with hang_guard(f"{method.upper()} {path} {field}"):
            response = getattr(city_hall_api, method)(_url(path), {field: value})
        _assert_refused(response, f"{method.upper()} {path} {field}")
        assert response.json()["field"] in (field, f"{field}[0]"), f"{method.upper()} {path}: {response.json()}"
        tried += 1
    assert tried > 40


def test_a_1mb_query_parameter_is_refused(doc: dict[str, Any], city_hall_api: Any) -> None:
    for method, path, name in _query_text_params(doc):
        cache.clear()
        with hang_guard(f"{method.upper()} {path}?{name}"):
            response = city_hall_api.client.generic(
                method.upper(), _url(path), QUERY_STRING=f"{name}={ONE_MB}", headers=city_hall_api.headers
            )
        _assert_refused(response, f"{method.upper()} {path}?{name}")


def test_every_text_field_of_every_request_body_declares_a_maximum_length(doc: dict[str, Any]) -> None:
    """The documented limit is the enforced one (pydantic max_length), so clients and fuzzers see it."""
    missing = []
    for path, method, op in _operations(doc):
        schema = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
        if schema is None or "oneOf" in schema:
            continue  # the decision facts are refused by the parser's limit (test above)
        for name, prop in _resolve(doc, schema).get("properties", {}).items():
            options = [_resolve(doc, prop)] + [_resolve(doc, s) for s in prop.get("anyOf", [])]
            for o in options:
                target = _resolve(doc, o.get("items", {})) if o.get("type") == "array" else o
                is_text = target.get("type") == "string" and "enum" not in target and "format" not in target
                if is_text and not 0 < target.get("maxLength", 0) <= TEXT_MAX:
                    missing.append(f"{method.upper()} {path} {name}")
    assert missing == []


@pytest.mark.parametrize(
    ("path", "body", "field", "limit"),
    [
        ("/api/v1/calendar-feeds", {"agency": "ACS", "name": "x" * (LABEL_MAX + 1)}, "name", LABEL_MAX),
        ("/api/v1/policies", {"agency": "ACS", "title": "t", "body": "x" * (TEXT_MAX + 1)}, "body", TEXT_MAX),
        (
            "/api/v1/policies",
            {"agency": "ACS", "title": "t", "body": "b", "change_summary": "x" * (NOTE_MAX + 1)},
            "change_summary",
            NOTE_MAX,
        ),
    ],
)
def test_one_character_over_the_field_limit_is_refused(
    city_hall_api: Any, path: str, body: dict[str, Any], field: str, limit: int
) -> None:
    response = city_hall_api.post(path, body)
    assert response.status_code == 422
    assert response.json()["field"] == field


# ---- the two ways to sign in ----


def test_a_1mb_username_at_the_token_endpoint_is_refused(db: Any) -> None:
    cache.clear()
    with hang_guard("POST /api/v1/auth/token"):
        response = Client().post(
            "/api/v1/auth/token", json.dumps({"username": ONE_MB, "password": "x"}), content_type="application/json"
        )
    _assert_refused(response, "token endpoint")
    assert response.json()["field"] == "username"


def test_a_long_username_at_the_token_endpoint_is_refused_before_sign_in_is_tried(db: Any) -> None:
    from axes.models import AccessAttempt

    cache.clear()
    response = Client().post(
        "/api/v1/auth/token", json.dumps({"username": "u" * 151, "password": "x"}), content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["field"] == "username"
    assert AccessAttempt.objects.count() == 0  # nothing was checked, counted or stored


def test_a_1mb_username_on_the_web_login_form_is_refused(db: Any) -> None:
    with hang_guard("POST /accounts/login/"):
        response = Client().post("/accounts/login/", {"username": ONE_MB, "password": "x"})
    assert 400 <= response.status_code < 500


def test_a_long_username_on_the_web_login_form_is_refused_before_sign_in_is_tried(db: Any) -> None:
    from axes.models import AccessAttempt

    response = Client().post("/accounts/login/", {"username": "u" * 151, "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["username"]
    assert AccessAttempt.objects.count() == 0
