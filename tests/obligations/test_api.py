"""The obligations API: same services, same rules, request schemas in the OpenAPI document (INTERFACES §3, §5)."""

import pytest

from eo13.obligations.models import Obligation
from tests.obligations.helpers import PDF


@pytest.fixture
def acs_audit(order_issued):
    return Obligation.objects.get(key="s2_audit_report", agency__code="ACS")


def test_due_endpoint_matches_the_engine(db, api_as, make_user):
    api = api_as(make_user("agency_lead", "ACS"))
    rows = api.get("/api/v1/obligations/due?event=order-issued&date=2026-02-06&agency=ACS").json()
    audit = next(r for r in rows if r["obligation"] == "s2_audit_report")
    assert audit == {
        "obligation": "s2_audit_report",
        "section": "EO 13 §2",
        "responsible": "ACS",
        "concerns": None,
        "due": "2026-05-07",
        "summary": audit["summary"],
        "non_business_day": None,
    }
    bad = api.get("/api/v1/obligations/due?event=lunch&date=2026-02-06")
    assert bad.status_code == 422 and bad.json()["field"] == "event"


def test_full_cycle_through_the_api(acs_audit, api_as, make_user):
    lead, hall = api_as(make_user("agency_lead", "ACS")), api_as(make_user("city_hall", "CITYHALL"))
    mine = lead.get("/api/v1/obligations?key=s2_audit_report").json()
    assert [o["agency"] for o in mine["items"]] == ["ACS"]
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = lead.client.post(
        f"/api/v1/obligations/{acs_audit.pk}/evidence",
        {"effective_date": "2026-05-01", "file": SimpleUploadedFile("audit.pdf", PDF, "application/pdf")},
        headers=lead.headers,
    )
    assert upload.status_code == 201, upload.content
    assert len(upload.json()["sha256"]) == 64
    r = lead.post(f"/api/v1/obligations/{acs_audit.pk}/submit", {"version": 1, "note": "Attached."})
    assert r.status_code == 200 and r.json()["status"] == "submitted"
    stale = hall.post(f"/api/v1/obligations/{acs_audit.pk}/accept", {"version": 1})
    assert stale.status_code == 409
    r = hall.post(f"/api/v1/obligations/{acs_audit.pk}/return", {"version": 2, "comments": "Add training."})
    assert r.json()["status"] == "returned"
    bad = hall.post(f"/api/v1/obligations/{acs_audit.pk}/accept", {"version": 3})
    assert bad.status_code == 422 and Obligation.objects.get(pk=acs_audit.pk).status == "returned"


def test_other_agencies_see_nothing(acs_audit, api_as, make_user):
    nypd = api_as(make_user("agency_lead", "NYPD"))
    assert nypd.get(f"/api/v1/obligations/{acs_audit.pk}").status_code == 404
    assert api_as(None).get("/api/v1/obligations").status_code == 401


def test_record_an_event(order_issued, api_as, make_user):
    cpo = api_as(make_user("chief_privacy_officer", "MOIP"))
    r = cpo.post(
        "/api/v1/obligation-events",
        {"event": "privacy-officer-vacancy", "on": "2026-06-01", "agency": "DOT", "subject": "privacy-officer:3"},
    )
    assert r.status_code == 201 and r.json()[0]["due"] == "2026-07-01"
    again = cpo.post(
        "/api/v1/obligation-events",
        {"event": "privacy-officer-vacancy", "on": "2026-06-01", "agency": "DOT", "subject": "privacy-officer:3"},
    )
    assert again.json()[0]["id"] == r.json()[0]["id"]


def test_openapi_lists_request_schemas(db, client):
    doc = client.get("/api/v1/openapi.json").json()
    for name in ("EventIn", "SubmitIn", "ReturnIn", "AcceptIn", "FeedIn", "AuditReportIO"):
        assert name in doc["components"]["schemas"]
    assert "/api/v1/obligations/{pk}/evidence" in doc["paths"]
