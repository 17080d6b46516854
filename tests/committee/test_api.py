"""The Committee's API (INTERFACES §7): the three named lists and a write for every record, with clear 4xx."""

import json
import re

from eo13.committee.models import Crisis
from tests.committee.helpers import D


def test_the_three_interface_endpoints_exist_as_written(people, api_as):
    api = api_as(people["chair"])
    made = api.post(
        "/api/v1/committee/crises",
        {"title": "Fictional storm", "kind": "weather", "starts_on": "2026-04-01", "agencies": ["ACS"]},
    )
    assert made.status_code == 201
    crises = api.get("/api/v1/committee/crises").json()
    assert [{k: c[k] for k in ("id", "title", "status")} for c in crises] == [
        {"id": made.json()["id"], "title": "Fictional storm", "status": "active"}
    ]
    assert api.get("/api/v1/committee/members").status_code == 200
    assert api.get("/api/v1/committee/resource-requests").json() == []
    assert api_as(people["frontline"]).get("/api/v1/committee/crises").status_code == 403


def test_every_record_through_the_api(people, api_as):
    chair, lead, hall = api_as(people["chair"]), api_as(people["lead_acs"]), api_as(people["hall"])
    crisis = chair.post(
        "/api/v1/committee/crises", {"title": "Fictional", "kind": "drill", "starts_on": "2026-04-01"}
    ).json()
    cid = crisis["id"]
    assert chair.post(f"/api/v1/committee/crises/{cid}/timeline", {"text": "Started."}).status_code == 201
    assert [e["text"] for e in chair.get(f"/api/v1/committee/crises/{cid}/timeline").json()] == ["Started."]
    task = chair.post(
        "/api/v1/committee/tasks", {"crisis": cid, "agency": "ACS", "description": "Check.", "due": "2026-04-10"}
    ).json()
    answered = lead.client.post(
        f"/api/v1/committee/tasks/{task['id']}/answer", {"answer": "Done.", "number": "4"}, headers=lead.headers
    )
    assert answered.status_code == 200 and answered.json()["status"] == "done"
    req = chair.post(
        "/api/v1/committee/resource-requests",
        {"crisis": cid, "agency": "ACS", "kind": "space", "description": "A room.", "due": "2026-04-10"},
    ).json()
    assert (
        lead.post(f"/api/v1/committee/resource-requests/{req['id']}/answer", {"answer": "provided"}).json()["answer"]
        == "provided"
    )
    g = chair.post(f"/api/v1/committee/crises/{cid}/guidance", {"title": "Msg", "body": "Text."}).json()
    assert chair.post(f"/api/v1/committee/guidance/{g['id']}/approve").json()["status"] == "approved"
    assert chair.post(f"/api/v1/committee/guidance/{g['id']}/send", {"agencies": ["ACS"]}).json()["sent_to"] == ["ACS"]
    risk = chair.post(
        "/api/v1/committee/risks",
        {"title": "Gap", "description": "d", "likelihood": 5, "impact": 4, "owner": "DSS", "review_on": "2026-06-01"},
    )
    assert risk.status_code == 201
    assert chair.get("/api/v1/committee/risks/heat-map").json()["counts"][0][3] == 1
    contact = chair.post(
        "/api/v1/committee/contacts",
        {
            "level": "tribal",
            "office": "Fictional Nation office",
            "official_role": "Liaison",
            "on": "2026-04-02",
            "about": "Intro call.",
        },
    )
    assert contact.status_code == 201
    report = hall.post(
        "/api/v1/committee/reports", {"crisis": cid, "directed_on": "2026-04-03", "due": "2026-04-30"}
    ).json()
    patched = chair.patch(f"/api/v1/committee/reports/{report['id']}", {"version": 1, "summary": "S."}).json()
    assert chair.post(f"/api/v1/committee/reports/{patched['id']}/approve").json()["status"] == "approved"
    stood = chair.patch(
        f"/api/v1/committee/crises/{cid}",
        {"version": 1, "status": "stood_down", "severity": 1, "ends_on": "2026-04-20"},
    )
    assert stood.json()["status"] == "stood_down"


def test_bad_input_is_a_clear_4xx_and_writes_nothing(people, api_as):
    chair = api_as(people["chair"])
    r = chair.post(
        "/api/v1/committee/crises", {"title": "X", "kind": "y", "starts_on": "2026-04-05", "ends_on": "2026-04-01"}
    )
    assert r.status_code == 422 and r.json()["field"] == "ends_on"
    r = chair.post(
        "/api/v1/committee/crises", {"title": "X", "kind": "y", "starts_on": "2026-04-05", "agencies": ["NOPE"]}
    )
    assert r.status_code == 404 and "NOPE" in r.json()["error"]  # an unknown agency code: 404 on every path
    assert not Crisis.objects.exists()
    r = chair.post(
        "/api/v1/committee/resource-requests",
        {"agency": "NOPE", "kind": "people", "description": "x", "due": "2026-05-01"},
    )
    assert r.status_code == 404 and r.json()["field"] == "agency"
    r = api_as(people["hall"]).post(
        "/api/v1/committee/members", {"agency": "HRA", "name": "Fictional", "starts_on": str(D(2026, 2, 10))}
    )
    assert r.status_code == 422 and r.json()["field"] == "agency"


def test_committee_schemas_have_their_own_names_in_the_openapi_document(client, db):
    """Ninja names components by class; a Committee ``RequestIn`` once replaced the privacy app's."""
    doc = client.get("/api/v1/openapi.json").json()
    committee = json.dumps({p: ops for p, ops in doc["paths"].items() if p.startswith("/api/v1/committee")})
    # The error answers share the API's one error schema (eo13.api_limits); every other schema is the Committee's.
    refs = set(re.findall(r'"#/components/schemas/(\w+)"', committee)) - {"ErrorOut", "Error"}
    assert refs and all(r.startswith("Committee") for r in refs), refs
    privacy = doc["paths"]["/api/v1/privacy/requests"]["post"]["requestBody"]["content"]["application/json"]
    name = privacy["schema"]["$ref"].split("/")[-1]
    assert "requesting_agency" in doc["components"]["schemas"][name]["properties"]
