"""The agreements registry behind EO 13 §3(1) and §3(3)."""

from datetime import date

import pytest

from eo13.access.models import Agreement
from eo13.law.agreements import AgreementFacts

A = AgreementFacts(
    "A-1",
    "formal_agreement",
    "Fictional",
    date(2026, 2, 1),
    date(2026, 12, 31),
    frozenset({"1000010001"}),
    frozenset({"staging_area"}),
)


@pytest.mark.parametrize(
    "on, prop, use, ok, words",
    [
        (date(2026, 3, 1), "1000010001", "staging_area", True, "covers this place"),
        (date(2026, 1, 31), "1000010001", "staging_area", False, "starts on 2026-02-01"),
        (date(2027, 1, 1), "1000010001", "staging_area", False, "ended on 2026-12-31"),
        (date(2026, 3, 1), "2000010001", "staging_area", False, "does not cover this place"),
        (date(2026, 3, 1), None, "staging_area", False, "covers only listed places"),
        (date(2026, 3, 1), "1000010001", "operations_base", False, "does not cover this use"),
    ],
)
def test_coverage_names_the_part_that_fails(on, prop, use, ok, words):
    covered, why = A.covers(on=on, property_ref=prop, use=use)
    assert covered is ok and words in why


def agreement(**over):
    b = {
        "agency": "DCAS",
        "reference": "DEMO-API-1",
        "kind": "cooperative_arrangement",
        "title": "Fictional task force",
        "parties": "DCAS and a fictional state agency",
        "valid_from": "2026-02-06",
        "bbls": ["1000010001"],
    }
    return b | over


def test_leads_register_agreements_for_their_agency(api_as, make_user):
    r = api_as(make_user("agency_lead", "DCAS")).post("/api/v1/agreements", agreement())
    assert r.status_code == 201 and r.json()["bbls"] == ["1000010001"]
    assert (
        api_as(make_user("agency_lead", "ACS")).post("/api/v1/agreements", agreement(reference="X2")).status_code == 403
    )
    assert (
        api_as(make_user("frontline", "DCAS")).post("/api/v1/agreements", agreement(reference="X3")).status_code == 403
    )
    assert len(api_as(make_user("frontline", "ACS")).get("/api/v1/agreements").json()) == 1


@pytest.mark.parametrize(
    "over, field",
    [
        ({"kind": "handshake"}, "kind"),
        ({"valid_to": "2026-01-01"}, "valid_to"),
        ({"bbls": []}, "bbls"),
        ({"bbls": ["12"]}, "bbls"),
        ({"uses": ["picnic"]}, "uses[0]"),
    ],
)
def test_bad_agreements_change_nothing(api_as, make_user, over, field):
    r = api_as(make_user("city_hall", "CITYHALL")).post("/api/v1/agreements", agreement(**over))
    assert r.status_code == 422 and r.json()["field"] == field
    assert not Agreement.objects.exists()


def test_web_form_refuses_a_document_that_is_not_a_pdf(login, make_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    c = login(make_user("agency_lead", "DCAS"))
    data = {
        "reference": "DEMO-W-1",
        "kind": "formal_agreement",
        "title": "Fictional",
        "parties": "Fictional",
        "valid_from": "2026-03-01",
        "bbls": "1000010001",
    }
    fake = SimpleUploadedFile("agreement.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    r = c.post("/staff/access/agreements/", data | {"document": fake})
    assert b"must be a PDF file" in r.content and not Agreement.objects.exists()
    real = SimpleUploadedFile("agreement.pdf", b"%PDF-1.4\n%fictional\n", content_type="application/pdf")
    c.post("/staff/access/agreements/", data | {"document": real})
    assert len(Agreement.objects.get().document_sha256) == 64
