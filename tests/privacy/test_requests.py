"""Requests for identifying information: log, refer, decide, disclose (EO 13 §6; Admin Code §23-1202)."""

from datetime import date, timedelta

import pytest

from eo13 import clock
from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.privacy import services
from eo13.privacy.models import IdentifyingInformationRequest as Request

pytestmark = pytest.mark.django_db

BASE = {
    "agency": "ACS",
    "requesting_agency": "Demo Federal Agency",
    "instrument": "administrative_subpoena",
    "received_on": "2026-11-02",
    "respond_by": "2026-11-30",
    "categories": ["citizenship_or_immigration_status", "public_assistance_or_city_services"],
    "people_count": 3,
    "summary": "Asked for records of shelter residents.",
}


def test_a_subpoena_goes_to_the_law_department_before_a_decision_then_a_partial_disclosure(po, designate, api_as):
    officer = designate()
    api = api_as(po)
    res = api.post("/api/v1/privacy/requests", BASE)
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["reference"] == "ACS-2026-0001"
    assert body["assigned_officer_id"] == officer.pk
    assert body["needs_law_department"] and body["status"] == "open"
    assert [c["flagged"] for c in body["categories"]] == [True, False]
    rid = body["id"]

    decide = {"decision": "partial", "reasons": "Only what the subpoena requires.", "decided_on": "2026-11-10"}
    res = api.post(f"/api/v1/privacy/requests/{rid}/decision", decide | {"version": 1})
    assert res.status_code == 422 and res.json()["field"] == "decision"
    assert Request.objects.get(pk=rid).decision == ""

    res = api.post(f"/api/v1/privacy/requests/{rid}/referral", {"referred_on": "2026-11-03", "version": 1})
    assert res.status_code == 200 and res.json()["status"] == "referred"
    res = api.post(f"/api/v1/privacy/requests/{rid}/decision", decide | {"version": 2})
    assert res.status_code == 200 and res.json()["decision"] == "partial"

    # only what was asked for may be disclosed
    res = api.post(
        f"/api/v1/privacy/requests/{rid}/disclosure",
        {"categories": ["biometrics"], "disclosed_on": "2026-11-12", "version": 3},
    )
    assert res.status_code == 422
    res = api.post(
        f"/api/v1/privacy/requests/{rid}/disclosure",
        {"categories": ["public_assistance_or_city_services"], "disclosed_on": "2026-11-12", "version": 3},
    )
    assert res.status_code == 200, res.content
    out = res.json()
    assert out["status"] == "disclosed" and out["disclosure_approved_by"] == po.username
    assert out["disclosed_categories"] == ["public_assistance_or_city_services"]

    actions = list(
        AuditEntry.objects.filter(model="privacy.IdentifyingInformationRequest", object_id=str(rid)).values_list(
            "action", flat=True
        )
    )
    assert actions == ["ii_request.create", "ii_request.refer", "ii_request.decide", "ii_request.disclose"]


def test_a_declined_request_allows_no_disclosure(po, designate):
    designate()
    r = services.request_create(
        actor=po,
        agency=Agency.objects.get(code="ACS"),
        requesting_agency="Demo Federal Agency",
        instrument="informal_request",
        received_on=date(2026, 11, 1),
        categories=["name"],
    )
    r = services.request_decide(
        actor=po,
        request=r,
        decision="decline",
        reasons="No law requires it.",
        decided_on=date(2026, 11, 2),
        expected_version=1,
    )
    with pytest.raises(ValidationFailed):
        services.request_disclose(
            actor=po, request=r, categories=["name"], disclosed_on=date(2026, 11, 3), expected_version=2
        )
    assert Request.objects.get(pk=r.pk).disclosed_on is None


@pytest.mark.parametrize(
    "change, field",
    [
        ({"categories": []}, "categories"),
        ({"categories": ["shoe_size"]}, "categories[0]"),
        ({"instrument": "phone_call"}, "instrument"),
        ({"received_on": str(clock.today() + timedelta(days=1))}, "received_on"),  # the future
        ({"respond_by": "2026-10-01"}, "respond_by"),
        ({"people_count": -1}, "people_count"),
        ({"requesting_agency": ""}, "requesting_agency"),
        ({"agency": "NOPE"}, "agency"),
        ({"received_on": "yesterday"}, "received_on"),
    ],
)
def test_bad_requests_get_a_clear_error_and_change_nothing(po, api_as, change, field):
    api = api_as(po)
    audit_before = AuditEntry.objects.count()
    res = api.post("/api/v1/privacy/requests", BASE | change)
    assert res.status_code in (404, 422), res.content
    assert res.json()["field"].split(".")[0] == field
    assert not Request.objects.exists()
    assert AuditEntry.objects.count() == audit_before


def test_stale_versions_conflict(po, api_as):
    api = api_as(po)
    rid = api.post("/api/v1/privacy/requests", BASE).json()["id"]
    assert (
        api.post(f"/api/v1/privacy/requests/{rid}/referral", {"referred_on": "2026-11-03", "version": 1}).status_code
        == 200
    )
    res = api.post(f"/api/v1/privacy/requests/{rid}/referral", {"referred_on": "2026-11-04", "version": 1})
    assert res.status_code == 409
    assert Request.objects.get(pk=rid).law_department_referred_on == date(2026, 11, 3)


def test_free_text_is_scrubbed_and_the_writer_is_told(po):
    r = services.request_create(
        actor=po,
        agency=Agency.objects.get(code="ACS"),
        requesting_agency="Demo Federal Agency",
        instrument="informal_request",
        received_on=date(2026, 11, 1),
        categories=["name"],
        summary="Asked about client name: Demo Person, DOB 01/02/1990, A123456789, phone 212-555-0199.",
    )
    for leaked in ("Demo Person", "01/02/1990", "123456789", "555-0199"):
        assert leaked not in r.summary
    assert set(r.scrubbed) >= {"name", "date_of_birth", "a_number", "phone"}
    entry = AuditEntry.objects.get(action="ii_request.create")
    assert "123456789" not in str(entry.changes)


def test_only_the_agencys_privacy_officer_writes(make_user, po):
    lead = make_user("agency_lead", "ACS")
    cpo = make_user("chief_privacy_officer", "MOIP")
    for actor in (lead, cpo):
        with pytest.raises(PermissionDenied):
            services.request_create(
                actor=actor,
                agency=Agency.objects.get(code="ACS"),
                requesting_agency="Demo Federal Agency",
                instrument="informal_request",
                received_on=date(2026, 11, 1),
                categories=["name"],
            )
    assert not Request.objects.exists()


def test_references_count_per_agency_and_year(po, other_po):
    def make(actor, code):
        return services.request_create(
            actor=actor,
            agency=Agency.objects.get(code=code),
            requesting_agency="Demo Federal Agency",
            instrument="informal_request",
            received_on=date(2026, 11, 1),
            categories=["name"],
        ).reference

    assert [make(po, "ACS"), make(po, "ACS"), make(other_po, "DOC")] == [
        "ACS-2026-0001",
        "ACS-2026-0002",
        "DOC-2026-0001",
    ]


def test_conflict_error_type_is_conflict(po):
    r = services.request_create(
        actor=po,
        agency=Agency.objects.get(code="ACS"),
        requesting_agency="Demo Federal Agency",
        instrument="informal_request",
        received_on=date(2026, 11, 1),
        categories=["name"],
    )
    with pytest.raises(ConflictError):
        services.request_refer(actor=po, request=r, referred_on=date(2026, 11, 2), note="", expected_version=5)
