"""One agency never sees another's roster; City Hall and the auditor see all (DESIGN "Roles")."""

import pytest

from eo13.agencies.models import Agency
from eo13.training import selectors
from eo13.training.models import RosterPerson

pytestmark = pytest.mark.django_db


@pytest.fixture
def rosters():
    for code, sid in (("ACS", "A-1"), ("DOC", "D-1"), ("NYPD", "N-1")):
        RosterPerson.objects.create(
            agency=Agency.objects.get(code=code),
            staff_id=sid,
            display_name=f"Demo {code} Person",
            role_group="employee",
        )


@pytest.mark.parametrize(
    ("role", "code", "sees"),
    [
        ("agency_lead", "ACS", {"A-1"}),
        ("agency_lead", "DOC", {"D-1"}),
        ("city_hall", "CITYHALL", {"A-1", "D-1", "N-1"}),
        ("auditor", "DOI", {"A-1", "D-1", "N-1"}),
        ("frontline", "ACS", set()),
        ("privacy_officer", "ACS", set()),
        ("committee", "CITYHALL", set()),
    ],
)
def test_who_sees_which_roster(rosters, make_user, api_as, login, role, code, sees):
    user = make_user(role, code)
    assert {p.staff_id for p in selectors.roster_list(user=user)} == sees
    res = api_as(user).get("/api/v1/training/roster")
    assert {p["staff_id"] for p in res.json()["items"]} == sees
    agencies = {c["agency"] for c in api_as(user).get("/api/v1/training/coverage").json()}
    expected = {"A": "ACS", "D": "DOC", "N": "NYPD"}
    if role in ("city_hall", "auditor"):
        assert agencies == {"ACS", "DOC", "DOHMH", "DOP", "DSS", "NYPD"}  # the six of §2
    else:
        assert agencies == {expected[s[0]] for s in sees}
    web = login(user)
    page = web.get("/staff/training/DOC/")
    assert page.status_code == (200 if "D-1" in sees else 404)
    if page.status_code == 200:
        assert b"Demo DOC Person" in page.content


def test_a_lead_cannot_read_or_change_another_agencys_person(rosters, make_user, api_as):
    lead = make_user("agency_lead", "ACS")
    doc_person = RosterPerson.objects.get(staff_id="D-1")
    api = api_as(lead)
    assert api.get(f"/api/v1/training/roster/{doc_person.pk}").status_code == 404
    change = {"version": 1, "display_name": "Changed", "role_group": "employee"}
    assert api.patch(f"/api/v1/training/roster/{doc_person.pk}", change).status_code == 404
    doc_person.refresh_from_db()
    assert doc_person.display_name == "Demo DOC Person"


def test_city_hall_reads_but_does_not_write(rosters, make_user, api_as):
    city_hall = make_user("city_hall", "CITYHALL")
    res = api_as(city_hall).post(
        "/api/v1/training/roster",
        {"agency": "ACS", "staff_id": "A-9", "display_name": "Demo", "role_group": "employee"},
    )
    assert res.status_code == 403
    assert not RosterPerson.objects.filter(staff_id="A-9").exists()
