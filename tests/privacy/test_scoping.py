"""Agency scoping: a privacy officer sees only their agency's requests; the CPO sees all; City Hall sees
aggregates only (EO 13 §6; DESIGN "Roles")."""

from datetime import date

import pytest

from eo13.agencies.models import Agency
from eo13.privacy import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_requests(po, other_po):
    def make(actor, code, instrument):
        return services.request_create(
            actor=actor,
            agency=Agency.objects.get(code=code),
            requesting_agency="Demo Federal Agency",
            instrument=instrument,
            received_on=date(2026, 11, 1),
            categories=["citizenship_or_immigration_status"],
        )

    return make(po, "ACS", "informal_request"), make(other_po, "DOC", "court_order")


def test_a_privacy_officer_sees_none_of_another_agencys_requests(po, other_po, two_requests, api_as, login):
    acs, doc = two_requests
    api = api_as(other_po)
    assert [r["reference"] for r in api.get("/api/v1/privacy/requests").json()] == [doc.reference]
    assert api.get(f"/api/v1/privacy/requests/{acs.pk}").status_code == 404
    res = api.post(f"/api/v1/privacy/requests/{acs.pk}/referral", {"referred_on": "2026-11-02", "version": 1})
    assert res.status_code == 404
    web = login(other_po)
    page = web.get("/staff/privacy/requests/").content.decode()
    assert doc.reference in page and acs.reference not in page
    assert web.get(f"/staff/privacy/requests/{acs.pk}/").status_code == 404
    report = api.get("/api/v1/privacy/reports/requests").json()
    assert [a["key"] for a in report["by_agency"]] == ["DOC"]


def test_the_cpo_sees_every_request_but_changes_none(cpo, two_requests, api_as):
    acs, _ = two_requests
    api = api_as(cpo)
    assert len(api.get("/api/v1/privacy/requests").json()) == 2
    assert api.get(f"/api/v1/privacy/requests/{acs.pk}").status_code == 200
    res = api.post(f"/api/v1/privacy/requests/{acs.pk}/referral", {"referred_on": "2026-11-02", "version": 1})
    assert res.status_code == 403


def test_city_hall_sees_aggregates_only(city_hall, two_requests, api_as, login):
    api = api_as(city_hall)
    assert api.get("/api/v1/privacy/requests").json() == []
    assert api.get(f"/api/v1/privacy/requests/{two_requests[0].pk}").status_code == 404
    report = api.get("/api/v1/privacy/reports/requests").json()
    assert report["total"] == 2
    assert {a["key"]: a["count"] for a in report["by_agency"]} == {"ACS": 1, "DOC": 1}
    web = login(city_hall)
    assert web.get("/staff/privacy/requests/").status_code == 403
    assert web.get("/staff/privacy/reports/").status_code == 200


@pytest.mark.parametrize("role, code, status", [("frontline", "ACS", 403), ("committee", "CITYHALL", 403)])
def test_roles_without_privacy_duties_get_no_report(make_user, api_as, role, code, status):
    assert api_as(make_user(role, code)).get("/api/v1/privacy/reports/requests").status_code == status


def test_the_register_is_scoped_too(make_user, cpo, api_as):
    lead = make_user("agency_lead", "DOC")
    rows = api_as(lead).get("/api/v1/privacy/register").json()
    assert [r["agency"] for r in rows] == ["DOC"]
    assert len(api_as(cpo).get("/api/v1/privacy/register").json()) > 40
    res = api_as(lead).post(
        "/api/v1/privacy/designations",
        {
            "agency": "ACS",
            "full_name": "Demo Officer Alpha",
            "title": "Privacy Officer",
            "email": "alpha@example.nyc.test",
            "phone": "212-555-0101",
            "designated_on": "2026-03-01",
        },
    )
    assert res.status_code == 404
