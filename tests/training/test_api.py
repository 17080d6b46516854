"""Training API (EO 13 §2(2); INTERFACES §5): roster, courses, completions, imports and coverage."""

import datetime as dt

import pytest
from django.test import Client

from eo13 import clock
from eo13.audit.models import AuditEntry
from eo13.training.models import Completion, Course, RosterPerson
from tests.training.conftest import ROSTER_HEADER, csv_bytes, roster_row

pytestmark = pytest.mark.django_db

PERSON = {"agency": "ACS", "staff_id": "E-1", "display_name": "Demo Officer Alpha", "role_group": "officer"}


def test_a_lead_adds_a_person_and_the_name_is_scrubbed(lead, api_as):
    api = api_as(lead)
    res = api.post("/api/v1/training/roster", {**PERSON, "display_name": "Demo Alpha, SSN 078-05-1120"})
    assert res.status_code == 201, res.content
    body = res.json()
    assert body["staff_id"] == "E-1" and body["version"] == 1 and body["active"] is True
    assert "078-05-1120" not in body["display_name"]
    assert AuditEntry.objects.filter(action="training.person_create").count() == 1


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"staff_id": "078-05-1120"}, 422, "staff_id"),
        ({"staff_id": ""}, 422, "staff_id"),
        ({"role_group": "boss"}, 422, "role_group"),
        ({"work_email": "nope"}, 422, "work_email"),
        ({"agency": "NOPE"}, 404, "agency"),  # an unknown agency code: 404 on every path
        ({"agency": "DOC"}, 403, None),
    ],
)
def test_bad_roster_input_is_refused_and_nothing_changes(lead, api_as, change, status, field):
    api = api_as(lead)
    audit_before = AuditEntry.objects.count()
    res = api.post("/api/v1/training/roster", {**PERSON, **change})
    assert res.status_code == status, res.content
    assert res.json().get("field") == field
    assert "078-05-1120" not in res.content.decode()
    assert not RosterPerson.objects.exists() and AuditEntry.objects.count() == audit_before


def test_a_duplicate_staff_id_is_refused(lead, api_as):
    api = api_as(lead)
    assert api.post("/api/v1/training/roster", PERSON).status_code == 201
    res = api.post("/api/v1/training/roster", PERSON)
    assert res.status_code == 422 and res.json()["field"] == "staff_id"
    assert RosterPerson.objects.count() == 1


def test_concurrent_edits_conflict_instead_of_overwriting(lead, api_as):
    api = api_as(lead)
    pid = api.post("/api/v1/training/roster", PERSON).json()["id"]
    change = {"version": 1, "display_name": "Demo Officer Alpha", "role_group": "officer", "public_facing": True}
    first = api.patch(f"/api/v1/training/roster/{pid}", change)
    assert first.status_code == 200 and first.json()["version"] == 2 and first.json()["public_facing"]
    stale = api.patch(f"/api/v1/training/roster/{pid}", {**change, "display_name": "Demo Other", "active": False})
    assert stale.status_code == 409
    person = RosterPerson.objects.get()
    assert person.display_name == "Demo Officer Alpha" and person.active and person.version == 2


def test_course_completion_and_coverage_through_the_api(lead, api_as, policy):
    api = api_as(lead)
    api.post("/api/v1/training/roster", PERSON)
    api.post("/api/v1/training/roster", {**PERSON, "staff_id": "E-2", "display_name": "Demo Worker Beta"})
    res = api.post("/api/v1/training/courses", {"policy_id": policy.pk, "code": "EO13-V1", "title": "Version 1"})
    assert res.status_code == 201, res.content
    assert res.json()["current"] is True and res.json()["policy_version"] == policy.current_version.number
    again = api.post("/api/v1/training/courses", {"policy_id": policy.pk, "code": "OTHER", "title": "Again"})
    assert again.status_code == 422 and again.json()["field"] == "policy_id"

    done = {"agency": "ACS", "staff_id": "E-1", "course": "EO13-V1", "completed_on": "2026-11-20"}
    res = api.post("/api/v1/training/completions", done)
    assert res.status_code == 201 and res.json()["staff_id"] == "E-1"
    assert api.post("/api/v1/training/completions", {**done, "staff_id": "E-404"}).status_code == 404
    tomorrow = str(clock.today() + dt.timedelta(days=1))
    assert api.post("/api/v1/training/completions", {**done, "completed_on": tomorrow}).status_code == 422
    assert Completion.objects.count() == 1

    cov = api.get("/api/v1/training/coverage/ACS").json()
    assert (cov["active"], cov["current"], cov["not_trained"], cov["percent_current"]) == (2, 1, 1, 50.0)
    assert cov["citation"] == "EO 13 §2(2)" and cov["current_courses"] == ["EO13-V1"]
    assert [c["code"] for c in api.get("/api/v1/training/courses").json()] == ["EO13-V1"]
    assert api.get("/api/v1/training/completions").json()["count"] == 1


def test_csv_import_through_the_api_is_all_or_nothing(lead, api_as):
    api = api_as(lead)
    good = csv_bytes(ROSTER_HEADER, [roster_row("E-1"), roster_row("E-2", "Demo Worker Beta")])
    bad = csv_bytes(ROSTER_HEADER, [roster_row("E-3"), roster_row("E-4", role_group="boss")])
    client: Client = api.client
    res = client.post("/api/v1/training/imports/roster", {"file": _upload(bad)}, headers=api.headers)
    assert res.status_code == 422
    assert res.json()["errors"] == [{"line": 3, "reason": res.json()["errors"][0]["reason"]}]
    assert not RosterPerson.objects.exists()
    res = client.post("/api/v1/training/imports/roster", {"file": _upload(good)}, headers=api.headers)
    assert res.status_code == 200 and res.json()["created"] == 2
    assert len(res.json()["file_sha256"]) == 64


def _upload(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("roster.csv", data, content_type="text/csv")


def test_every_write_is_in_the_openapi_document_with_its_schema(api_as, lead):
    doc = api_as(lead).get("/api/v1/openapi.json").json()
    for path, method in [
        ("/api/v1/training/roster", "post"),
        ("/api/v1/training/roster/{person_id}", "patch"),
        ("/api/v1/training/courses", "post"),
        ("/api/v1/training/completions", "post"),
        ("/api/v1/training/imports/roster", "post"),
        ("/api/v1/training/imports/completions", "post"),
    ]:
        assert "requestBody" in doc["paths"][path][method], path
    assert "/api/v1/training/coverage" in doc["paths"]


def test_anonymous_callers_are_refused(api_as):
    assert api_as(None).get("/api/v1/training/roster").status_code == 401
    assert api_as(None).post("/api/v1/training/roster", PERSON).status_code == 401
    assert not Course.objects.exists()
