"""The whole OpenAPI document, fuzzed (issue 9, done-when): as `demo-city-hall` and as `demo-frontline`, every
operation gets at least 30 generated requests; none may answer 5xx or break the document's own schema.

Select with `-m schemathesis`. Runs in `make test`, on SQLite and (in .ci/run) on PostgreSQL."""

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from eo13.accounts.tokens import token_create

pytestmark = [pytest.mark.schemathesis, pytest.mark.django_db]

EXAMPLES_PER_OPERATION = 30
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


@pytest.fixture
def _in_test_transaction() -> Iterator[None]:
    """Django's WSGI handler closes the database connection after each request; inside a test that would end the
    test's transaction. Django's own test client turns the same signal off for the same reason."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _token(make_user: Any, role: str, agency: str, username: str) -> str:
    user = make_user(role, agency, username=username)
    _, raw = token_create(actor=user, name="schemathesis")
    return raw


@pytest.fixture
def city_hall_token(make_user: Any, _in_test_transaction: None) -> str:
    return _token(make_user, "city_hall", "CITYHALL", "demo-city-hall")


@pytest.fixture
def frontline_token(make_user: Any, _in_test_transaction: None) -> str:
    return _token(make_user, "frontline", "ACS", "demo-frontline")


def _check(case: Any, token: str) -> None:
    cache.clear()  # the per-user rate limit would otherwise answer 429 to most of a fuzzing run
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)


def _load() -> Any:
    from eo13.wsgi import application

    loaded = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    loaded.config.generation.update(max_examples=EXAMPLES_PER_OPERATION)
    # Fuzzing only: the coverage phase adds hundreds of boundary cases per operation, minutes on a 2-core machine.
    loaded.config.phases.update(phases=["fuzzing"])
    return loaded


schema = _load()
_SETTINGS = settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@schema.parametrize()
@_SETTINGS
def test_api_as_city_hall(case: Any, city_hall_token: str) -> None:
    _check(case, city_hall_token)


@schema.parametrize()
@_SETTINGS
def test_api_as_frontline(case: Any, frontline_token: str) -> None:
    _check(case, frontline_token)
