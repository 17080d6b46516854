"""Two people for every approval, and offices change only their own §5 materials (issue 9, Medium 6; EO 13 §2(1),
§5). Drafts are for the drafting agency and reviewers, not front-line staff or privacy officers (issue 9, Low)."""

import pytest

from eo13.agencies.models import Agency
from eo13.errors import PermissionDenied
from eo13.policies import material_services as ms
from eo13.policies import selectors, services
from eo13.policies.models import Material, PolicyVersion, VersionStatus

pytestmark = pytest.mark.django_db

MATERIAL = {
    "kind": "rights",
    "audience": "public",
    "title": "Your rights at City sites",
    "body": "You may stay silent.",
    "languages": ["en"],
}


def _law_policy(author):
    policy = services.policy_create(
        actor=author, agency=Agency.objects.get(code="LAW"), title="Law Department sites", body="We help you."
    )
    version = policy.versions.get()
    version = services.version_update(
        actor=author,
        version=version,
        expected_version=version.version,
        title=version.title,
        body=version.body,
        change_summary="First.",
    )
    return services.version_submit(actor=author, version=version, expected_version=version.version)


def test_a_law_reviewer_cannot_approve_the_policy_they_wrote(reviewer, make_user):
    version = _law_policy(reviewer)
    with pytest.raises(PermissionDenied) as err:
        services.version_approve(actor=reviewer, version=version, expected_version=version.version)
    assert "second person" in err.value.message
    version.refresh_from_db()
    assert version.status == VersionStatus.IN_REVIEW and version.policy.current_version_id is None
    second = make_user("agency_lead", "LAW")
    assert (
        services.version_approve(actor=second, version=version, expected_version=version.version).status == "published"
    )


def test_a_reviewer_who_edited_someone_elses_draft_cannot_approve_it(make_user):
    author, editor, second = (make_user("agency_lead", "LAW") for _ in range(3))
    policy = services.policy_create(
        actor=author, agency=Agency.objects.get(code="LAW"), title="Law Department sites", body="We help you."
    )
    version = policy.versions.get()
    version = services.version_update(
        actor=editor,
        version=version,
        expected_version=version.version,
        title="T",
        body="Edited.",
        change_summary="Edit.",
    )
    version = services.version_submit(actor=author, version=version, expected_version=version.version)
    with pytest.raises(PermissionDenied):
        services.version_approve(actor=editor, version=version, expected_version=version.version)
    assert (
        services.version_approve(actor=second, version=version, expected_version=version.version).status == "published"
    )


def test_api_answers_403_with_a_plain_message_to_a_self_approval(api_as, reviewer):
    version = _law_policy(reviewer)
    r = api_as(reviewer).post(f"/api/v1/policy-versions/{version.pk}/approve", {"lock": version.version})
    assert r.status_code == 403
    assert r.json()["error"].startswith("You wrote or sent this version")
    assert PolicyVersion.objects.get(pk=version.pk).status == VersionStatus.IN_REVIEW


def test_web_review_page_shows_the_error_and_publishes_nothing(login, reviewer):
    version = _law_policy(reviewer)
    r = login(reviewer).post(
        f"/staff/policies/versions/{version.pk}/review/", {"version": version.version, "note": "", "approve": "1"}
    )
    assert r.status_code == 200 and "second person" in r.content.decode()
    assert PolicyVersion.objects.get(pk=version.pk).status == VersionStatus.IN_REVIEW


@pytest.fixture
def law_maker(make_user):
    return make_user("agency_lead", "LAW")


def test_a_material_editor_cannot_approve_their_own_edit(law_maker, make_user):
    material = ms.material_create(actor=law_maker, **MATERIAL)
    with pytest.raises(PermissionDenied):
        ms.material_approve(actor=law_maker, material=material, expected_version=material.version)
    second = make_user("agency_lead", "LAW")
    material = ms.material_approve(actor=second, material=material, expected_version=material.version)
    # The second person edits the approved text: now they may not approve it, but the first person may.
    material = ms.material_update(actor=second, material=material, expected_version=material.version, **MATERIAL)
    with pytest.raises(PermissionDenied) as err:
        ms.material_approve(actor=second, material=material, expected_version=material.version)
    assert "second person" in err.value.message
    assert Material.objects.get(pk=material.pk).approved_at is None
    assert (
        ms.material_approve(actor=law_maker, material=material, expected_version=material.version).approved_by
        == law_maker
    )


@pytest.mark.parametrize("role, agency", [("agency_lead", "MOIA"), ("agency_lead", "LAW")])
def test_an_office_changes_only_its_own_materials(make_user, role, agency):
    city_hall_material = ms.material_create(actor=make_user("city_hall", "CITYHALL"), **MATERIAL)
    other_office = make_user(role, agency)
    with pytest.raises(PermissionDenied) as err:
        ms.material_update(
            actor=other_office,
            material=city_hall_material,
            expected_version=city_hall_material.version,
            **{**MATERIAL, "title": "Changed by another office"},
        )
    assert "office that made" in err.value.message
    assert Material.objects.get(pk=city_hall_material.pk).title == MATERIAL["title"]


@pytest.mark.parametrize("role", ["frontline", "privacy_officer"])
def test_front_line_staff_and_privacy_officers_do_not_see_drafts(make_user, draft, publish, lead, role):
    reader = make_user(role, "ACS")
    assert list(selectors.policy_list(user=reader)) == []
    assert list(selectors.version_list(user=reader)) == []
    published = publish(draft)
    services.version_start(actor=lead, policy=published)
    shown = list(selectors.version_list(user=reader))
    assert [v.status for v in shown] == [VersionStatus.PUBLISHED]
    assert list(selectors.policy_list(user=reader)) == [published]
    # The agency's lead still sees and edits the draft.
    assert {v.status for v in selectors.version_list(user=lead)} == {VersionStatus.PUBLISHED, VersionStatus.DRAFT}


def test_front_line_staff_get_404_for_a_draft_through_the_api(api_as, make_user, draft):
    version = draft.versions.get()
    as_frontline = api_as(make_user("frontline", "ACS"))
    assert as_frontline.get(f"/api/v1/policies/{draft.pk}").status_code == 404
    assert as_frontline.get(f"/api/v1/policy-versions/{version.pk}/plain-language").status_code == 404
