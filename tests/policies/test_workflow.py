"""Policy versions: draft → Law Department review → approved = published (EO 13 §2(1))."""

import pytest

from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.policies import services
from eo13.policies.models import Policy, PolicyVersion, VersionStatus

pytestmark = pytest.mark.django_db


def test_draft_to_published_records_who_and_when(draft, lead, reviewer):
    version = draft.versions.get()
    assert version.status == VersionStatus.DRAFT and version.created_by == lead
    version = services.version_submit(actor=lead, version=version, expected_version=version.version)
    assert version.status == VersionStatus.IN_REVIEW
    assert version.submitted_by == lead and version.submitted_at is not None
    draft.refresh_from_db()
    assert draft.current_version is None  # review alone publishes nothing
    version = services.version_approve(actor=reviewer, version=version, expected_version=version.version, note="Fine.")
    draft.refresh_from_db()
    assert version.status == VersionStatus.PUBLISHED
    assert version.reviewed_by == reviewer and version.published_at == version.reviewed_at
    assert draft.current_version == version
    actions = list(AuditEntry.objects.filter(model="policies.PolicyVersion").values_list("action", flat=True))
    assert actions == ["policy_version.submit", "policy_version.approve_publish"]


def test_a_new_version_replaces_the_public_one_and_keeps_history(published, publish):
    first = published.current_version
    publish(published, body="Shorter text for you.", summary="Shorter.")
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert published.current_version.number == 2
    assert published.current_version.body == "Shorter text for you."
    assert list(published.versions.values_list("number", "status")) == [(2, "published"), (1, "superseded")]


def test_return_sends_back_to_draft_with_a_note(draft, lead, reviewer):
    v = draft.versions.get()
    v = services.version_submit(actor=lead, version=v, expected_version=v.version)
    with pytest.raises(ValidationFailed):
        services.version_return(actor=reviewer, version=v, expected_version=v.version, note="  ")
    v.refresh_from_db()
    assert v.status == VersionStatus.IN_REVIEW
    v = services.version_return(actor=reviewer, version=v, expected_version=v.version, note="Use shorter sentences.")
    assert v.status == VersionStatus.DRAFT and v.review_note == "Use shorter sentences."


@pytest.mark.parametrize(
    "role, agency, action",
    [
        ("agency_lead", "DOC", "create"),  # another agency's lead
        ("frontline", "ACS", "create"),
        ("city_hall", "CITYHALL", "create"),
        ("auditor", "DOI", "create"),
        ("agency_lead", "ACS", "approve"),  # the agency cannot approve its own policy
        ("city_hall", "CITYHALL", "approve"),
        ("agency_lead", "DOC", "submit"),
    ],
)
def test_roles_that_may_not(make_user, draft, lead, role, agency, action):
    actor = make_user(role, agency)
    version = draft.versions.get()
    before = AuditEntry.objects.count()
    with pytest.raises(PermissionDenied):
        if action == "create":
            services.policy_create(actor=actor, agency=Agency.objects.get(code="ACS"), title="X", body="Y")
        elif action == "submit":
            services.version_submit(actor=actor, version=version, expected_version=version.version)
        else:
            version = services.version_submit(actor=lead, version=version, expected_version=version.version)
            before = AuditEntry.objects.count()
            services.version_approve(actor=actor, version=version, expected_version=version.version)
    assert AuditEntry.objects.count() == before
    assert Policy.objects.count() == 1


def test_stale_edit_conflicts_instead_of_overwriting(draft, lead):
    v = draft.versions.get()
    services.version_update(
        actor=lead, version=v, expected_version=v.version, title="A", body="First edit.", change_summary=""
    )
    with pytest.raises(ConflictError):
        services.version_update(
            actor=lead, version=v, expected_version=v.version, title="B", body="Second edit.", change_summary=""
        )
    v.refresh_from_db()
    assert v.body == "First edit." and v.title == "A"


def test_only_drafts_change_and_one_open_version_at_a_time(published, lead):
    current = published.current_version
    with pytest.raises(ConflictError):
        services.version_update(
            actor=lead,
            version=current,
            expected_version=current.version,
            title="X",
            body="Changed.",
            change_summary="x",
        )
    services.version_start(actor=lead, policy=published)
    with pytest.raises(ConflictError):
        services.version_start(actor=lead, policy=published)
    assert PolicyVersion.objects.filter(policy=published).count() == 2
    current.refresh_from_db()
    assert current.body != "Changed."


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"title": "", "body": "Text."}, "title"),
        ({"title": "T", "body": "   "}, "body"),
        ({"title": "T" * 201, "body": "Text."}, "title"),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(lead, fields, field):
    with pytest.raises(ValidationFailed) as err:
        services.policy_create(actor=lead, agency=Agency.objects.get(code="ACS"), **fields)
    assert err.value.field == field
    assert not Policy.objects.exists() and not AuditEntry.objects.exists()


def test_submit_needs_a_change_summary(published, lead):
    v = services.version_start(actor=lead, policy=published)
    with pytest.raises(ValidationFailed):
        services.version_submit(actor=lead, version=v, expected_version=v.version)
    v.refresh_from_db()
    assert v.status == VersionStatus.DRAFT


def test_free_text_is_scrubbed(lead):
    p = services.policy_create(
        actor=lead,
        agency=Agency.objects.get(code="ACS"),
        title="Policy",
        body="Do not write: client name is Maria Lopez, SSN 123-45-6789.",
    )
    body = p.versions.get().body
    assert "123-45-6789" not in body and "Maria Lopez" not in body
