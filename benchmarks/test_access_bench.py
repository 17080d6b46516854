"""`make bench` for issue 3: decisions per second (in process and over HTTP against a trivial JSON view), registry
search and import over 17,000 parcels, and the encounter list and §10-178(d) report over 1,000,000 decision-log rows
and 100,000 encounters. All data is fictional (eo13.access.sample)."""

import datetime as dt
import http.client
import json
import random
from urllib.parse import urlparse

import pytest
from django.db import transaction
from django.test import Client
from django.utils import timezone

from eo13.access.importers import import_properties
from eo13.access.models import CityProperty, DecisionLog, Encounter
from eo13.access.sample import generate_rows, to_csv
from eo13.access.selectors import property_search, requests_report
from eo13.accounts.models import Membership, Role, User
from eo13.accounts.tokens import token_create
from eo13.agencies.models import Agency
from eo13.law.decide import decide

pytestmark = [pytest.mark.bench]

FACTS = {
    "date": "2026-03-01",
    "personnel": {"employer": "federal", "enforces_laws": True},
    "property": {"kind": "parking_lot", "city_owned_or_leased": True, "city_operational_control": True},
    "use": "staging_area",
    "law_enforcement_purpose": True,
    "exceptions": ["exigent_circumstances"],
}
TODAY = dt.date(2026, 3, 1)
PARCELS = 17_000
WSGI_ROUNDS = {"rounds": 500, "iterations": 1, "warmup_rounds": 20}
HTTP_ROUNDS = {"rounds": 300, "iterations": 1, "warmup_rounds": 20}


def test_decisions_in_process(benchmark):
    result = benchmark(decide, "lot-use", FACTS, today=TODAY)
    assert result.outcome == "permitted"


def test_partial_decisions_in_process(benchmark):
    result = benchmark(decide, "lot-use", {"personnel": FACTS["personnel"]}, today=TODAY, partial=True)
    assert result.outcome == "unknown"


def _user(role: str, code: str) -> User:
    user = User.objects.create_user(username=f"bench-{role}-{code}", password="bench-only-password-1")  # noqa: S106
    Membership.objects.create(user=user, agency=Agency.objects.get(code=code), role=role)
    return user


@pytest.fixture
def http_conn(live_server):
    url = urlparse(live_server.url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    yield conn
    conn.close()


def _call(conn, method, path, body=None, headers=None):
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    assert response.status == 200, data[:300]
    return data


@pytest.fixture
def no_rate_limit(monkeypatch):
    """The API's rate limits stay in the path (their cache reads and writes are part of the cost) but never refuse:
    a benchmark sends far more than 600 requests a minute."""
    from eo13.api import api

    for throttle in api.throttle or []:
        monkeypatch.setattr(throttle, "num_requests", 10**9)


def _post(conn, path, body, headers):
    return _call(conn, "POST", path, body, headers)


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("benchmarks.bare_urls")
def test_decisions_over_http(benchmark, http_conn, no_rate_limit, medians):
    """POST /api/v1/decisions/lot-use on the live test server: parse, decide, log, audit, answer."""
    _, raw = token_create(actor=_user(Role.FRONTLINE, "ACS"), name="bench")
    headers = {"Authorization": f"Bearer {raw}", "Content-Type": "application/json"}
    body = json.dumps(FACTS)
    benchmark.extra_info["what"] = "decision through the HTTP API (logged and audited)"
    benchmark.pedantic(_post, (http_conn, "/api/v1/decisions/lot-use", body, headers), **HTTP_ROUNDS)
    medians("decision API over HTTP", benchmark)


@pytest.mark.django_db(transaction=True)
def test_trivial_json_view_over_http(benchmark, http_conn):
    """The baseline on the same server: GET /healthz (one SELECT 1, a small JSON answer)."""
    benchmark(_call, http_conn, "GET", "/healthz")


@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("benchmarks.bare_urls")
def test_bare_json_view_over_http(benchmark, http_conn, medians):
    """The limit the issue measures the decision API against: a view that answers ``{"ok": true}``."""
    benchmark.pedantic(_call, (http_conn, "GET", "/bench/bare"), **HTTP_ROUNDS)
    medians("bare JSON view over HTTP", benchmark)


@pytest.fixture
def colp_17000() -> bytes:
    return to_csv(generate_rows(PARCELS, seed=17)).encode()


@pytest.mark.django_db
def test_import_17000_parcels(benchmark, colp_17000):
    def run():
        with transaction.atomic():
            return import_properties(colp_17000, actor="bench")

    result = benchmark.pedantic(run, rounds=1, iterations=1)
    assert result.created == PARCELS and not result.errors


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["EXAMPLE", "2154 EX", "DEMO SHELTER 4", "3047"])
def test_registry_search_17000_parcels(benchmark, colp_17000, term):
    with transaction.atomic():
        import_properties(colp_17000, actor="bench")
    assert CityProperty.objects.count() == PARCELS
    benchmark(lambda: list(property_search(q=term)))


@pytest.fixture
def history(django_db_blocker):
    """1,000,000 decision-log rows and 100,000 encounters over three years, across the six §2 agencies."""
    rng = random.Random(13)  # noqa: S311  (fictional data)
    agencies = list(Agency.objects.filter(is_section_2=True))
    now = timezone.now()
    decision = {"kind": "lot-use", "outcome": "not_permitted", "reasons": [], "citations": ["EO 13 §3"]}
    for _chunk in range(0, 1_000_000, 50_000):
        DecisionLog.objects.bulk_create(
            (
                DecisionLog(
                    kind="lot-use",
                    facts=FACTS,
                    outcome=rng.choice(["permitted", "not_permitted", "not_covered"]),
                    decision=decision,
                    rules_version="eo-13-2026",
                    as_of=TODAY,
                    agency=rng.choice(agencies),
                    channel="api",
                )
                for _ in range(50_000)
            ),
            batch_size=5000,
        )
    Encounter.objects.bulk_create(
        (
            Encounter(
                agency=rng.choice(agencies),
                occurred_at=now - dt.timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60)),
                requesting_agency=rng.choice(["ice", "cbp", "hsi", "fbi", "state"]),
                request_kind=rng.choice(["use_lot", "enter_non_public", "information"]),
                immigration_enforcement=rng.random() < 0.7,
                city_response=rng.choice(["declined", "referred", "allowed_exception", "other"]),
                what_happened="Fictional benchmark record.",
            )
            for _ in range(100_000)
        ),
        batch_size=5000,
    )
    return agencies


@pytest.mark.django_db
def test_encounter_list_and_report_at_scale(benchmark, history):
    lead = _user(Role.AGENCY_LEAD, "ACS")
    hall = _user(Role.CITY_HALL, "CITYHALL")
    lead_client, hall_client = Client(), Client()
    lead_client.force_login(lead)
    hall_client.force_login(hall)
    quarter = (timezone.localdate().month - 1) // 3 + 1
    year = timezone.localdate().year

    def run():
        assert lead_client.get("/staff/access/encounters/").status_code == 200
        assert hall_client.get("/staff/access/encounters/").status_code == 200
        assert hall_client.get("/api/v1/decision-log?limit=100").status_code == 200
        rows = requests_report(user=hall, year=year, quarter=quarter)
        assert rows
        assert hall_client.get(f"/staff/access/reports/10-178d/?year={year}&quarter={quarter}").status_code == 200

    benchmark.extra_info["what"] = "lead list + City Hall list + decision-log API page + report (selector and page)"
    benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)


# Committing for real, as production does: inside the test's own transaction a decision would take the general way
# (eo13.audit.fast_append writes it in one short transaction of its own on PostgreSQL).
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls("benchmarks.bare_urls")
def test_decisions_through_the_wsgi_stack(benchmark, no_rate_limit, medians):
    """The same API call through Django's full request stack in process (no socket): the framework's share."""
    _, raw = token_create(actor=_user(Role.FRONTLINE, "ACS"), name="bench")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    body = json.dumps(FACTS)

    def post():
        response = client.post("/api/v1/decisions/lot-use", data=body, content_type="application/json")
        assert response.status_code == 200, response.content[:300]

    benchmark.pedantic(post, **WSGI_ROUNDS)
    medians("decision API in process", benchmark)


@pytest.mark.django_db
def test_trivial_json_view_through_the_wsgi_stack(benchmark):
    client = Client()
    benchmark(lambda: client.get("/healthz"))


@pytest.mark.django_db
@pytest.mark.urls("benchmarks.bare_urls")
def test_bare_json_view_through_the_wsgi_stack(benchmark, medians):
    """The decision API's limit in the same run: ``{"ok": true}`` behind the same middleware."""
    client = Client()
    benchmark.pedantic(lambda: client.get("/bench/bare"), **WSGI_ROUNDS)
    medians("bare JSON view in process (access)", benchmark)
