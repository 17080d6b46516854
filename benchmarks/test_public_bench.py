"""`make bench`: the public home page against the bare JSON view, both through Django's whole request stack in
process (issue 14: the home page kept like `/es/rights/`, at ≥ 0.8× the bare view's requests per second).

In process, not over the live test server's socket: there every small answer waits about 40 ms for the client's
delayed ACK, so the page and the bare view both measure the network stack instead of EO13."""

import pytest
from django.test import Client

# The bare view sits beside the project's own URLs, behind the same middleware.
pytestmark = [pytest.mark.bench, pytest.mark.django_db, pytest.mark.urls("benchmarks.bare_urls")]
ROUNDS = {"rounds": 300, "iterations": 1, "warmup_rounds": 10}


def _get(client: Client, path: str) -> bytes:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content


def test_bare_json_view(benchmark, medians):
    """The limit: a view that answers ``{"ok": true}`` and does nothing else, through every middleware."""
    benchmark.pedantic(_get, (Client(), "/bench/bare"), **ROUNDS)
    medians("bare JSON view", benchmark)


def test_healthz(benchmark, medians):
    """GET /healthz, the trivial view of test_access_bench (it also asks the database and the task queue)."""
    benchmark.pedantic(_get, (Client(), "/healthz"), **ROUNDS)


def test_public_home(benchmark, medians):
    """GET /en/ as an anonymous visitor: after the first answer, the kept copy."""
    body = benchmark.pedantic(_get, (Client(), "/en/"), **ROUNDS)
    medians("public home /en/", benchmark)
    assert b"Executive Order 13" in body


def test_public_rights(benchmark, medians):
    """GET /es/rights/, kept since issue 6: what the home page is compared with in the issue."""
    benchmark.pedantic(_get, (Client(), "/es/rights/"), **ROUNDS)
    medians("public rights /es/rights/", benchmark)
