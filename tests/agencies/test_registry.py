"""The agency registry (INTERFACES §4; issue 2 item 6)."""

import pytest

from eo13.agencies.models import Agency, AgencyKind
from eo13.audit.models import AuditEntry

FIXED_CODES = [
    "ACS",
    "DOC",
    "DOHMH",
    "DOP",
    "DSS",
    "HRA",
    "DHS",
    "NYPD",
    "DOE",
    "HHC",
    "LAW",
    "MOIA",
    "MOIP",
    "DCAS",
    "OPS",
    "CITYHALL",
]


@pytest.mark.django_db
def test_registry_holds_the_fixed_codes_and_about_fifty_offices():
    codes = set(Agency.objects.values_list("code", flat=True))
    assert set(FIXED_CODES) <= codes
    assert len(codes) >= 50


@pytest.mark.django_db
def test_the_six_agencies_of_section_2():
    assert set(Agency.objects.filter(is_section_2=True).values_list("code", flat=True)) == {
        "ACS",
        "DOC",
        "DOHMH",
        "DOP",
        "DSS",
        "NYPD",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "code, kind, parent",
    [
        ("HRA", AgencyKind.DIVISION, "DSS"),
        ("DHS", AgencyKind.DIVISION, "DSS"),
        ("DOE", AgencyKind.DEPARTMENT_OF_EDUCATION, None),
        ("HHC", AgencyKind.PUBLIC_BENEFIT_CORPORATION, None),
        ("MOIA", AgencyKind.MAYORAL_OFFICE, None),
        ("NYPD", AgencyKind.MAYORAL_AGENCY, None),
    ],
)
def test_kinds_and_divisions(code, kind, parent):
    a = Agency.objects.get(code=code)
    assert a.kind == kind
    assert (a.parent.code if a.parent else None) == parent


def test_api_lists_agencies_with_counsel(api_as, make_user):
    rows = api_as(make_user("frontline")).get("/api/v1/agencies?section_2=true").json()
    assert {r["code"] for r in rows} == {"ACS", "DOC", "DOHMH", "DOP", "DSS", "NYPD"}
    assert all(r["counsel_phone"] for r in rows)
    assert api_as(make_user("frontline")).get("/api/v1/agencies/nope").status_code == 404


def test_only_city_hall_changes_counsel_and_it_is_audited(api_as, make_user):
    acs = Agency.objects.get(code="ACS")
    body = {
        "counsel_name": "Demo Counsel Office",
        "counsel_email": "demo-counsel@example.nyc.test",
        "counsel_phone": "212-555-0199",
        "version": acs.version,
    }
    r = api_as(make_user("agency_lead", "ACS")).patch("/api/v1/agencies/ACS/counsel", body)
    assert r.status_code == 403
    assert Agency.objects.get(code="ACS").counsel_name != "Demo Counsel Office"
    hall = make_user("city_hall", "CITYHALL")
    r = api_as(hall).patch("/api/v1/agencies/ACS/counsel", body)
    assert r.status_code == 200 and r.json()["counsel_name"] == "Demo Counsel Office"
    entry = AuditEntry.objects.get(action="agency.update_counsel")
    assert entry.actor == hall and entry.changes["counsel_name"]["new"] == "Demo Counsel Office"
    # A second edit from the old version conflicts instead of overwriting.
    r = api_as(hall).patch("/api/v1/agencies/ACS/counsel", {**body, "counsel_name": "Stale"})
    assert r.status_code == 409
    assert Agency.objects.get(code="ACS").counsel_name == "Demo Counsel Office"


def test_city_hall_edits_counsel_in_the_web(login, make_user):
    c = login(make_user("city_hall", "CITYHALL"))
    acs = Agency.objects.get(code="ACS")
    r = c.post(
        "/staff/agencies/ACS/",
        {
            "counsel_name": "Demo Counsel Desk",
            "counsel_email": "desk@example.nyc.test",
            "counsel_phone": "212-555-0142",
            "version": acs.version,
        },
        follow=True,
    )
    assert b"Saved the counsel contact for ACS" in r.content
    bad = c.post(
        "/staff/agencies/ACS/",
        {"counsel_name": "X", "counsel_email": "not-an-email", "counsel_phone": "1", "version": acs.version + 1},
    )
    assert bad.status_code == 200 and b"Enter a valid email address" in bad.content
    assert Agency.objects.get(code="ACS").counsel_name == "Demo Counsel Desk"
    # A front-line worker sees the contact but gets no form.
    page = login(make_user("frontline", "ACS")).get("/staff/agencies/ACS/").content
    assert b"Demo Counsel Desk" in page and b'<form method="post" class="usa-form">' not in page
