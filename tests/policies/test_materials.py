"""The §5 library: made, approved by the Law Department, sent to agencies, confirmed (EO 13 §5(1)–(4), §8(1))."""

import pytest

from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.policies import material_services as ms
from eo13.policies import selectors
from eo13.policies.models import Dissemination, Material

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "rights",
    "audience": "public",
    "title": "Your rights at City sites",
    "body": "You may stay silent.",
    "languages": ["en", "es"],
}


@pytest.fixture
def maker(make_user):
    return make_user("city_hall", "CITYHALL")


@pytest.fixture
def material(maker):
    return ms.material_create(actor=maker, **GOOD)


def test_make_approve_send_confirm(material, reviewer, maker, make_user):
    assert material.section == "EO 13 §5(4)" and material.approved_at is None
    with pytest.raises(ValidationFailed):
        ms.material_send(actor=maker, material=material, agencies=[Agency.objects.get(code="ACS")])
    assert not Dissemination.objects.exists()
    material = ms.material_approve(actor=reviewer, material=material, expected_version=material.version)
    assert material.approved_by == reviewer
    sent = ms.material_send(
        actor=maker, material=material, agencies=list(Agency.objects.filter(code__in=["ACS", "DOC"]))
    )
    assert sorted(d.agency.code for d in sent) == ["ACS", "DOC"]
    acs = next(d for d in sent if d.agency.code == "ACS")
    with pytest.raises(PermissionDenied):
        ms.dissemination_confirm(actor=make_user("agency_lead", "DOC"), dissemination=acs)
    confirmed = ms.dissemination_confirm(actor=make_user("agency_lead", "ACS"), dissemination=acs)
    assert confirmed.confirmed_at is not None
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"material.create", "material.approve", "material.send", "dissemination.confirm"} <= actions


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "poster"}, "kind"),
        ({"audience": "aliens"}, "audience"),
        ({"languages": ["xx"]}, "languages"),
        ({"languages": []}, "languages"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_material_is_refused(maker, change, field):
    with pytest.raises(ValidationFailed) as err:
        ms.material_create(actor=maker, **{**GOOD, **change})
    assert err.value.field == field and not Material.objects.exists()


@pytest.mark.parametrize("role, agency", [("agency_lead", "ACS"), ("frontline", "ACS"), ("auditor", "DOI")])
def test_only_makers_make(make_user, role, agency):
    with pytest.raises(PermissionDenied):
        ms.material_create(actor=make_user(role, agency), **GOOD)


def test_only_the_law_department_approves(material, maker, lead):
    for actor in (maker, lead):
        with pytest.raises(PermissionDenied):
            ms.material_approve(actor=actor, material=material, expected_version=material.version)


def test_changing_an_approved_material_needs_approval_again(material, reviewer, maker):
    material = ms.material_approve(actor=reviewer, material=material, expected_version=material.version)
    with pytest.raises(ConflictError):
        ms.material_update(actor=maker, material=material, expected_version=material.version - 1, **GOOD)
    material = ms.material_update(actor=maker, material=material, expected_version=material.version, **GOOD)
    assert material.approved_at is None


def test_agencies_see_what_was_sent_to_them(material, reviewer, maker, make_user):
    material = ms.material_approve(actor=reviewer, material=material, expected_version=material.version)
    acs = make_user("frontline", "ACS")
    assert list(selectors.material_list(user=acs)) == []
    ms.material_send(actor=maker, material=material, agencies=[Agency.objects.get(code="ACS")])
    assert list(selectors.material_list(user=acs)) == [material]
    assert list(selectors.material_list(user=make_user("frontline", "DOC"))) == []


def test_approved_public_rights_material_is_on_the_rights_page(client, material, reviewer):
    ms.material_approve(actor=reviewer, material=material, expected_version=material.version)
    assert "Your rights at City sites" in client.get("/es/rights/").content.decode()
