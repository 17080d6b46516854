"""The low findings of issue 9: caching, numbers, spreadsheet formulas, future dates, the OpenAPI error answers,
401 for anonymous writes, and one answer for a missing record and another agency's."""

import ast
import datetime as dt
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.evidence import evidence_add
from eo13.obligations.models import Obligation
from eo13.obligations.services import obligation_event_record
from eo13.spreadsheet import neutralise

SRC = Path(__file__).resolve().parents[2] / "src" / "eo13"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def order_issued(db: Any) -> Any:
    return obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)


# ---- Cache-Control: no-store ----


def test_staff_pages_api_answers_and_evidence_downloads_are_not_stored(
    order_issued: Any, make_user: Any, login: Any, api_as: Any
) -> None:
    lead = make_user("agency_lead", "ACS")
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    ev = evidence_add(actor=lead, obligation=duty, name="a.pdf", data=PDF, effective_date=date(2026, 5, 1))
    web, api = login(lead), api_as(lead)
    answers = {
        "staff page": web.get("/staff/obligations/"),
        "evidence download (web)": web.get(f"/staff/obligations/{duty.pk}/evidence/{ev.pk}/"),
        "API answer": api.get("/api/v1/me"),
        "API error": api.get("/api/v1/obligations/999999"),
        "evidence download (API)": api.get(f"/api/v1/obligations/{duty.pk}/evidence/{ev.pk}/file"),
    }
    for what, response in answers.items():
        assert "no-store" in response.get("Cache-Control", ""), what


def test_public_pages_may_still_be_cached(db: Any) -> None:
    response = Client().get("/en/")
    assert "no-store" not in response.get("Cache-Control", "")


# ---- spreadsheet formulas ----


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+cmd", "'+1+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-73.95", "-73.95"),
        ("+1.5", "+1.5"),
        ("ACS", "ACS"),
        ("a=b", "a=b"),
        (42, 42),
        (None, None),
    ],
)
def test_cells_that_would_run_as_formulas_are_neutralised(cell: Any, written: Any) -> None:
    assert neutralise(cell) == written


def test_every_csv_the_project_writes_goes_through_the_one_safe_writer() -> None:
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "spreadsheet.py":
            continue
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in ("writer", "DictWriter")
                and isinstance(node.value, ast.Name)
                and node.value.id == "csv"
            ):
                offenders.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert offenders == []


def test_a_written_csv_neutralises_a_formula_typed_into_a_free_text_column() -> None:
    from eo13.access.sample import generate_rows, to_csv

    rows = generate_rows(1, seed=3)
    rows[0]["PARCELNAME"] = "=cmd|'/c calc'!A1"
    assert "'=cmd|" in to_csv(rows)


# ---- encounters are not in the far future ----


def test_an_encounter_in_the_far_future_is_refused(make_user: Any, api_as: Any) -> None:
    from eo13.access.models import Encounter

    api = api_as(make_user("frontline", "ACS"))
    body = {
        "agency": "ACS",
        "occurred_at": "9999-01-01T10:00:00-05:00",
        "requesting_agency": "ice",
        "request_kind": "enter_non_public",
        "city_response": "declined",
    }
    response = api.post("/api/v1/encounters", body)
    assert response.status_code == 422 and response.json()["field"] == "occurred_at", response.json()
    assert Encounter.objects.count() == 0
    body["occurred_at"] = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    assert api.post("/api/v1/encounters", body).status_code == 201


# ---- the OpenAPI document lists the error answers ----


def test_every_operation_documents_its_error_answers_with_the_error_schema(client: Client, db: Any) -> None:
    doc = client.get("/api/v1/openapi.json").json()
    assert doc["components"]["schemas"]["Error"]["required"] == ["error"]
    for path, item in doc["paths"].items():
        for method, op in item.items():
            codes = set(op["responses"])
            expected = {"400", "429"}
            if op.get("security"):
                expected |= {"401", "403", "404"}
            if "{" in path:
                expected.add("404")
            if method in ("post", "put", "patch", "delete"):
                expected.add("409")
            if op.get("parameters") or op.get("requestBody"):
                expected.add("422")
            assert expected <= codes, f"{method.upper()} {path} lacks {sorted(expected - codes)}"
            for code in expected:
                schema = op["responses"][code]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Error"} or code == "422"


# ---- an anonymous write is told to sign in ----


@pytest.mark.parametrize(
    ("path", "body"),
    [("/api/v1/policies", {"agency": "ACS", "title": "t", "body": "b"}), ("/api/v1/calendar-feeds", {})],
)
def test_an_anonymous_api_write_gets_401_not_a_csrf_403(db: Any, path: str, body: dict[str, Any]) -> None:
    import json

    anonymous = Client(enforce_csrf_checks=True)
    response = anonymous.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code == 401
    assert "error" in response.json()


def test_a_signed_in_session_still_needs_its_csrf_token(make_user: Any) -> None:
    import json

    web = Client(enforce_csrf_checks=True)
    web.force_login(make_user("agency_lead", "ACS"))
    response = web.post("/api/v1/calendar-feeds", json.dumps({"agency": "ACS", "name": "x"}), "application/json")
    assert response.status_code == 403


# ---- a missing record and another agency's answer the same ----


def test_another_agencys_record_answers_exactly_like_a_missing_one(
    order_issued: Any, make_user: Any, api_as: Any
) -> None:
    other = Obligation.objects.get(key="s2_audit_report", agency__code="NYPD")
    api = api_as(make_user("agency_lead", "ACS"))
    pairs = [
        (f"/api/v1/obligations/{other.pk}", "/api/v1/obligations/99999999"),
        (f"/api/v1/obligations/{other.pk}/evidence", "/api/v1/obligations/99999999/evidence"),
        ("/api/v1/audit-reports/NYPD", "/api/v1/audit-reports/NOSUCH"),
    ]
    for theirs, missing in pairs:
        a, b = api.get(theirs), api.get(missing)
        assert a.status_code == b.status_code == 404, (theirs, a.status_code, b.status_code)
        assert a.json()["error"] == b.json()["error"], (theirs, a.json(), b.json())


# ---- Hypothesis settings for a slow, busy machine ----


def test_hypothesis_runs_with_the_ci_profile() -> None:
    from hypothesis import HealthCheck, settings

    assert settings.default.deadline is None
    assert HealthCheck.too_slow in settings.default.suppress_health_check
    assert settings.default.derandomize
