"""The sign-in group mapping (issue 15): data City Hall edits on the web and through the API, audited; others may
not change it; bad input is refused and changes nothing."""

import pytest

from eo13.accounts.models import GroupMapping
from eo13.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_city_hall_adds_and_removes_a_mapping_on_the_web(make_user, login):
    client = login(make_user("city_hall", "CITYHALL"))
    response = client.post(
        "/staff/people/sign-in-groups/", {"group": "EO13-DOC-Lead", "agency": "doc", "role": "agency_lead"}
    )
    assert response.status_code == 302
    mapping = GroupMapping.objects.get(group="EO13-DOC-Lead")
    assert (mapping.agency.code, mapping.role) == ("DOC", "agency_lead")
    assert b"EO13-DOC-Lead" in client.get("/staff/people/sign-in-groups/").content
    assert AuditEntry.objects.filter(action="group_mapping.create", object_id=str(mapping.pk)).exists()
    client.post("/staff/people/sign-in-groups/", {"delete": mapping.pk})
    assert not GroupMapping.objects.exists()
    assert AuditEntry.objects.filter(action="group_mapping.delete", object_id=str(mapping.pk)).exists()


@pytest.mark.parametrize(
    "data, words",
    [
        ({"group": "G", "agency": "NOPE", "role": "frontline"}, "not a known agency"),
        ({"group": "G", "agency": "ACS", "role": "frontline", "is_chair": "on"}, "Only a committee role"),
        ({"group": "", "agency": "ACS", "role": "frontline"}, "required"),
        ({"group": "EO13 078-05-1120", "agency": "ACS", "role": "frontline"}, "personal information"),
    ],
)
def test_bad_mappings_are_refused_on_the_web(make_user, login, data, words):
    client = login(make_user("city_hall", "CITYHALL"))
    response = client.post("/staff/people/sign-in-groups/", data)
    assert response.status_code == 200 and words in response.content.decode()
    assert not GroupMapping.objects.exists()


@pytest.mark.parametrize("role, agency, status", [("auditor", "DOI", 200), ("agency_lead", "ACS", 403)])
def test_who_may_see_the_mapping(make_user, login, role, agency, status):
    assert login(make_user(role, agency)).get("/staff/people/sign-in-groups/").status_code == status


def test_an_auditor_sees_but_cannot_change(make_user, login):
    client = login(make_user("auditor", "DOI"))
    page = client.get("/staff/people/sign-in-groups/").content.decode()
    assert "Add a group" not in page
    client.post("/staff/people/sign-in-groups/", {"group": "G", "agency": "ACS", "role": "frontline"})
    assert not GroupMapping.objects.exists()


def test_the_api_for_the_mapping(make_user, api_as):
    city_hall = api_as(make_user("city_hall", "CITYHALL"))
    lead = api_as(make_user("agency_lead", "ACS"))
    body = {"group": "EO13-ACS-Frontline", "agency": "ACS", "role": "frontline"}
    created = city_hall.post("/api/v1/accounts/group-mappings", body)
    assert created.status_code == 201 and created.json()["agency"] == "ACS"
    assert city_hall.post("/api/v1/accounts/group-mappings", body).status_code == 409
    assert city_hall.post("/api/v1/accounts/group-mappings", {**body, "role": "boss"}).json()["field"] == "role"
    assert lead.post("/api/v1/accounts/group-mappings", {**body, "group": "x"}).status_code == 403
    assert lead.get("/api/v1/accounts/group-mappings").status_code == 403
    assert [m["group"] for m in city_hall.get("/api/v1/accounts/group-mappings").json()] == ["EO13-ACS-Frontline"]
    mapping_id = created.json()["id"]
    assert lead.delete(f"/api/v1/accounts/group-mappings/{mapping_id}").status_code == 403
    assert city_hall.delete(f"/api/v1/accounts/group-mappings/{mapping_id}").status_code == 204
    assert not GroupMapping.objects.exists()
