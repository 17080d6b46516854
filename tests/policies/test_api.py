"""The API does what the staff pages do, through the same services (INTERFACES §5)."""

import pytest

from eo13.policies.models import PolicyTranslation

pytestmark = pytest.mark.django_db


def test_full_flow_through_the_api(api_as, lead, reviewer, translator):
    as_lead, as_law, as_moia = api_as(lead), api_as(reviewer), api_as(translator)
    r = as_lead.post("/api/v1/policies", {"agency": "ACS", "title": "API policy", "body": "We help you."})
    assert r.status_code == 201, r.content
    pid = r.json()["id"]
    (version,) = as_lead.get(f"/api/v1/policies/{pid}/versions").json()
    r = as_lead.patch(
        f"/api/v1/policy-versions/{version['id']}",
        {"lock": version["lock"], "title": "API policy", "body": "We help you. Call us.", "change_summary": "v1"},
    )
    assert r.status_code == 200
    assert as_lead.get(f"/api/v1/policy-versions/{version['id']}/plain-language").json()["meets_target"] is True
    r = as_lead.post(f"/api/v1/policy-versions/{version['id']}/submit", {"lock": r.json()["lock"]})
    assert r.json()["status"] == "in_review"
    r = as_law.post(f"/api/v1/policy-versions/{version['id']}/approve", {"lock": r.json()["lock"]})
    assert r.json()["status"] == "published"
    r = as_moia.post(
        f"/api/v1/policies/{pid}/translations", {"language": "ko", "version": 2, "title": "t", "body": "b"}
    )
    assert r.status_code == 422 and r.json()["field"] == "version"
    assert not PolicyTranslation.objects.exists()
    r = as_moia.post(
        f"/api/v1/policies/{pid}/translations", {"language": "ko", "version": 1, "title": "t", "body": "b"}
    )
    assert r.status_code == 201
    r = as_lead.post(f"/api/v1/policy-translations/{r.json()['id']}/approve", {"lock": r.json()["lock"]})
    assert r.json()["status"] == "approved"
    coverage = as_lead.get("/api/v1/policies/coverage").json()
    assert coverage["policies"][0]["languages"]["ko"] == "current"


def test_stale_lock_is_a_409(api_as, draft, lead):
    version = draft.versions.get()
    r = api_as(lead).patch(
        f"/api/v1/policy-versions/{version.pk}",
        {"lock": version.version + 5, "title": "x", "body": "y", "change_summary": ""},
    )
    assert r.status_code == 409
    version.refresh_from_db()
    assert version.title != "x"


def test_other_agencies_cannot_see_or_change(api_as, draft, make_user):
    other = api_as(make_user("agency_lead", "DOC"))
    assert other.get(f"/api/v1/policies/{draft.pk}").status_code == 404
    assert other.post(f"/api/v1/policies/{draft.pk}/versions").status_code == 404
    assert other.get("/api/v1/policies").json() == []
    assert api_as(None).get("/api/v1/policies").status_code == 401


def test_languages_and_materials_endpoints(api_as, make_user, reviewer):
    maker = api_as(make_user("city_hall", "CITYHALL"))
    assert [lang["code"] for lang in maker.get("/api/v1/languages").json()][:2] == ["es", "zh-hant"]
    r = maker.post(
        "/api/v1/materials",
        {
            "kind": "staff_guidance",
            "audience": "staff",
            "title": "At the door",
            "body": "Call counsel.",
            "languages": ["en"],
        },
    )
    assert r.status_code == 201 and r.json()["section"] == "EO 13 §5(1)"
    mid = r.json()["id"]
    assert maker.post(f"/api/v1/materials/{mid}/send", {"agencies": ["ACS"]}).status_code == 422
    assert api_as(reviewer).post(f"/api/v1/materials/{mid}/approve", {"lock": r.json()["lock"]}).status_code == 200
    r = maker.post(f"/api/v1/materials/{mid}/send", {"agencies": ["ACS"]})
    assert [d["agency"] for d in r.json()["disseminations"]] == ["ACS"]
    did = r.json()["disseminations"][0]["id"]
    assert api_as(make_user("agency_lead", "ACS")).post(f"/api/v1/disseminations/{did}/confirm").status_code == 200


def test_openapi_documents_the_request_schemas(client):
    doc = client.get("/api/v1/openapi.json").json()
    schemas = doc["components"]["schemas"]
    for name in ("PolicyIn", "VersionIn", "ReviewIn", "TranslationIn", "MaterialIn", "MaterialUpdateIn", "SendIn"):
        assert name in schemas
    assert "/api/v1/policy-versions/{version_id}/approve" in doc["paths"]
