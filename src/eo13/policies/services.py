"""Writes for policies and their translations (EO 13 §2(1); Local Law 30 of 2017, Admin Code §23-1102).

A policy version goes draft → Law Department review → approved. Approval publishes it at once and replaces the
version the public saw, so changes are "promptly reflected" (EO 13 §2(1)). A translation belongs to one version;
it can only be entered for the version that is published now, and is stale once a newer version is published.
Each function checks the actor's role, writes, and appends its audit entry in one transaction.
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from eo13.accounts.actors import Actor, signed_in
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.models import AuditEntry
from eo13.audit.services import audit_record
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.policies import public_cache
from eo13.policies.models import (
    DesignatedLanguage,
    Policy,
    PolicyTranslation,
    PolicyVersion,
    TranslationStatus,
    VersionStatus,
)
from eo13.policies.permissions import (
    POLICY_ACCESS,
    TRANSLATION_ACCESS,
    is_citywide_translator,
    is_law_reviewer,
)
from eo13.text import clean_free_text
from eo13.versioning import check_version, versioned_update

STALE_EDIT = "Someone else changed this since you opened it. Reload the page and try again."


def clean_text(value: str, field: str, *, max_length: int = 100_000, required: bool = True) -> str:
    return clean_free_text(value, field=field, max_length=max_length, required=required).text


def _locked_version(version: PolicyVersion, expected_version: int) -> PolicyVersion:
    """The version row locked for this transaction, refused at once if the caller's copy is stale: the checks of
    status and author then run on what is stored, and ``versioned_update`` writes it."""
    fresh = PolicyVersion.objects.select_for_update(of=("self",)).select_related("policy__agency").get(pk=version.pk)
    check_version(fresh, expected_version, conflict=STALE_EDIT)
    return fresh


def _publicly_changed() -> None:
    transaction.on_commit(public_cache.bump)


def policy_create(*, actor: Actor, agency: Agency, title: str, body: str, change_summary: str = "") -> Policy:
    """A new policy for ``agency``, with its first draft (EO 13 §2)."""
    POLICY_ACCESS.require_write(actor, agency_id=agency.pk)
    title = clean_text(title, "title", max_length=200)
    body = clean_text(body, "body")
    change_summary = clean_text(change_summary, "change_summary", required=False) or "First version."
    slug = slugify(title)[:80] or "policy"
    with transaction.atomic():
        if Policy.objects.filter(agency=agency, slug=slug).exists():
            raise ValidationFailed("This agency already has a policy with that title.", field="title")
        policy = Policy.objects.create(agency=agency, slug=slug, created_by=signed_in(actor))
        version = PolicyVersion.objects.create(
            policy=policy, number=1, title=title, body=body, change_summary=change_summary, created_by=signed_in(actor)
        )
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_CREATE,
            target=policy,
            agency_code=agency.code,
            changes={"slug": {"new": slug}, "version": {"new": version.number}, "title": {"new": title}},
        )
    return policy


def version_start(*, actor: Actor, policy: Policy) -> PolicyVersion:
    """A new draft, starting from the published text, to update the policy (EO 13 §2 continuous review)."""
    POLICY_ACCESS.require_write(actor, policy)
    with transaction.atomic():
        policy = (
            Policy.objects.select_for_update(of=("self",)).select_related("agency", "current_version").get(pk=policy.pk)
        )
        if policy.versions.filter(status__in=[VersionStatus.DRAFT, VersionStatus.IN_REVIEW]).exists():
            raise ConflictError("This policy already has a draft or a version in review. Finish that one first.")
        base = policy.current_version
        number = (policy.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        try:
            version = PolicyVersion.objects.create(
                policy=policy,
                number=number,
                title=base.title if base else policy.slug,
                body=base.body if base else "",
                change_summary="",
                created_by=signed_in(actor),
            )
        except IntegrityError as exc:
            raise ConflictError("Someone else started a new version at the same time. Reload the page.") from exc
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_VERSION_START,
            target=version,
            agency_code=policy.agency.code,
            changes={"number": {"new": number}},
        )
    return version


def version_update(
    *, actor: Actor, version: PolicyVersion, expected_version: int, title: str, body: str, change_summary: str
) -> PolicyVersion:
    """Edit a draft. Only drafts change; what was reviewed or published stays as it was."""
    POLICY_ACCESS.require_write(actor, version.policy)
    title = clean_text(title, "title", max_length=200)
    body = clean_text(body, "body")
    change_summary = clean_text(change_summary, "change_summary", required=False)
    with transaction.atomic():
        version = _locked_version(version, expected_version)
        if version.status != VersionStatus.DRAFT:
            raise ConflictError("Only a draft can be edited. Start a new version to change this text.")
        changed = {
            name: {"old": getattr(version, name), "new": value}
            for name, value in (("title", title), ("body", body), ("change_summary", change_summary))
            if getattr(version, name) != value
        }
        version, _ = versioned_update(
            version,
            expected_version,
            conflict=STALE_EDIT,
            title=title,
            body=body,
            change_summary=change_summary,
            updated_at=timezone.now(),
        )
        if "body" in changed:
            changed["body"] = {"old": f"{len(changed['body']['old'])} characters", "new": f"{len(body)} characters"}
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_VERSION_UPDATE,
            target=version,
            agency_code=version.policy.agency.code,
            changes=changed,
        )
    return version


def version_submit(*, actor: Actor, version: PolicyVersion, expected_version: int) -> PolicyVersion:
    """Send a draft to the Law Department for review (EO 13 §5: with the Law Department)."""
    POLICY_ACCESS.require_write(actor, version.policy)
    with transaction.atomic():
        version = _locked_version(version, expected_version)
        if version.status != VersionStatus.DRAFT:
            raise ConflictError("Only a draft can be sent for review.")
        if not version.change_summary.strip():
            raise ValidationFailed("Say what changed in this version before sending it for review.", "change_summary")
        version, _ = versioned_update(
            version,
            expected_version,
            conflict=STALE_EDIT,
            status=VersionStatus.IN_REVIEW,
            submitted_by=signed_in(actor),
            submitted_at=timezone.now(),
            updated_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_VERSION_SUBMIT,
            target=version,
            agency_code=version.policy.agency.code,
            changes={"status": {"old": VersionStatus.DRAFT, "new": VersionStatus.IN_REVIEW}},
        )
    return version


def _require_reviewer(actor: Actor) -> None:
    if not is_law_reviewer(actor):
        raise PermissionDenied("Only the Law Department reviews policies.")


def wrote_version(actor: Actor, version: PolicyVersion) -> bool:
    """Whether ``actor`` made, edited or sent this version for review: then a second person must approve it.
    Edits leave no name on the version itself, so the audit log answers."""
    actor_id = getattr(actor, "pk", None)
    if actor_id is None:
        return False
    if actor_id in (version.created_by_id, version.submitted_by_id):
        return True
    return AuditEntry.objects.filter(
        model=PolicyVersion._meta.label,
        object_id=str(version.pk),
        action__in=(
            AuditAction.POLICY_VERSION_START,
            AuditAction.POLICY_VERSION_UPDATE,
            AuditAction.POLICY_VERSION_SUBMIT,
        ),
        actor_id=actor_id,
    ).exists()


OWN_VERSION = "You wrote or sent this version, so a second person at the Law Department must approve it."


def version_approve(*, actor: Actor, version: PolicyVersion, expected_version: int, note: str = "") -> PolicyVersion:
    """The Law Department approves; the version is published the same moment (EO 13 §2(1) "promptly")."""
    _require_reviewer(actor)
    note = clean_text(note, "note", required=False)
    with transaction.atomic():
        version = _locked_version(version, expected_version)
        if version.status != VersionStatus.IN_REVIEW:
            raise ConflictError("Only a version in review can be approved.")
        if wrote_version(actor, version):
            raise PermissionDenied(OWN_VERSION)
        policy = Policy.objects.select_for_update().get(pk=version.policy_id)
        previous = policy.current_version_id
        now = timezone.now()
        PolicyVersion.objects.filter(policy=policy, status=VersionStatus.PUBLISHED).update(
            status=VersionStatus.SUPERSEDED
        )
        version, _ = versioned_update(
            version,
            expected_version,
            conflict=STALE_EDIT,
            status=VersionStatus.PUBLISHED,
            reviewed_by=signed_in(actor),
            reviewed_at=now,
            review_note=note,
            published_at=now,
            updated_at=now,
        )
        policy.current_version = version
        policy.save(update_fields=["current_version"])
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_VERSION_APPROVE_PUBLISH,
            target=version,
            agency_code=policy.agency.code,
            changes={
                "status": {"old": VersionStatus.IN_REVIEW, "new": VersionStatus.PUBLISHED},
                "policy.current_version": {"old": previous, "new": version.pk},
            },
        )
        _publicly_changed()
    return version


def version_return(*, actor: Actor, version: PolicyVersion, expected_version: int, note: str) -> PolicyVersion:
    """The Law Department sends a version back to its agency with a note saying what to fix."""
    _require_reviewer(actor)
    note = clean_text(note, "note")
    with transaction.atomic():
        version = _locked_version(version, expected_version)
        if version.status != VersionStatus.IN_REVIEW:
            raise ConflictError("Only a version in review can be sent back.")
        version, _ = versioned_update(
            version,
            expected_version,
            conflict=STALE_EDIT,
            status=VersionStatus.DRAFT,
            reviewed_by=signed_in(actor),
            reviewed_at=timezone.now(),
            review_note=note,
            updated_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_VERSION_RETURN,
            target=version,
            agency_code=version.policy.agency.code,
            changes={"status": {"old": VersionStatus.IN_REVIEW, "new": VersionStatus.DRAFT}, "note": {"new": note}},
        )
    return version


def _require_translator(actor: Actor, policy: Policy) -> None:
    if not (POLICY_ACCESS.can_write(actor, policy) or is_citywide_translator(actor)):
        raise PermissionDenied("Only the agency's lead or MOIA's language-access staff enter translations.")


def translation_submit(
    *, actor: Actor, policy: Policy, language_code: str, version_number: int, title: str, body: str
) -> PolicyTranslation:
    """Enter or upload a translation of the published version (Admin Code §23-1102). A translation made from
    any other version is refused, so an old text never passes as current."""
    _require_translator(actor, policy)
    language = DesignatedLanguage.objects.filter(code=language_code, active=True).first()
    if language is None:
        raise ValidationFailed("Choose one of the designated citywide languages.", field="language")
    title = clean_text(title, "title", max_length=300)
    body = clean_text(body, "body")
    with transaction.atomic():
        policy = (
            Policy.objects.select_for_update(of=("self",)).select_related("agency", "current_version").get(pk=policy.pk)
        )
        current = policy.current_version
        if current is None:
            raise ValidationFailed("This policy has no published version to translate yet.", field="version")
        if version_number != current.number:
            raise ValidationFailed(
                f"This translation is for version {version_number}, but the published version is "
                f"{current.number}. Translate version {current.number}.",
                field="version",
            )
        existing = PolicyTranslation.objects.select_for_update().filter(version=current, language=language).first()
        if existing is None:
            translation = PolicyTranslation.objects.create(
                version=current, language=language, title=title, body=body, translated_by=signed_in(actor)
            )
            action = AuditAction.POLICY_TRANSLATION_SUBMIT
        else:
            # The row is locked above, so its stored version is the one to move on from.
            translation, _ = versioned_update(
                existing,
                existing.edit_version,
                title=title,
                body=body,
                status=TranslationStatus.SUBMITTED,
                translated_by=signed_in(actor),
                translated_at=timezone.now(),
                approved_by=None,
                approved_at=None,
            )
            action = AuditAction.POLICY_TRANSLATION_REPLACE
            _publicly_changed()  # a replaced text leaves the public site until it is approved again
        audit_record(
            actor=actor,
            action=action,
            target=translation,
            agency_code=policy.agency.code,
            changes={"language": {"new": language.code}, "version": {"new": current.number}},
        )
    return translation


SECOND_PERSON = "A second person approves a translation, not the one who entered it."


def may_approve_translation(actor: Actor, translation: PolicyTranslation) -> bool:
    """The checks of ``translation_approve`` that do not depend on the record's state, for showing the button."""
    allowed = TRANSLATION_ACCESS.can_write(actor, translation) or is_law_reviewer(actor)
    return allowed and translation.translated_by_id != getattr(actor, "pk", None)


def translation_approve(*, actor: Actor, translation: PolicyTranslation, expected_version: int) -> PolicyTranslation:
    """The agency's lead (or the Law Department) approves a translation; a second person, not its translator."""
    translation = PolicyTranslation.objects.select_related("version__policy__agency").get(pk=translation.pk)
    if not (TRANSLATION_ACCESS.can_write(actor, translation) or is_law_reviewer(actor)):
        raise PermissionDenied("Only the agency's lead or the Law Department approves translations.")
    if translation.translated_by_id == getattr(actor, "pk", None):
        raise PermissionDenied(SECOND_PERSON)
    with transaction.atomic():
        fresh = (
            PolicyTranslation.objects.select_for_update(of=("self",))
            .select_related("version__policy")
            .get(pk=translation.pk)
        )
        check_version(fresh, expected_version, conflict=STALE_EDIT)
        if fresh.version.policy.current_version_id != fresh.version_id:
            raise ConflictError("This translation is of an older version; the English text has changed since.")
        if fresh.status == TranslationStatus.APPROVED:
            raise ConflictError("This translation is already approved.")
        fresh, _ = versioned_update(
            fresh,
            expected_version,
            conflict=STALE_EDIT,
            status=TranslationStatus.APPROVED,
            approved_by=signed_in(actor),
            approved_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action=AuditAction.POLICY_TRANSLATION_APPROVE,
            target=fresh,
            agency_code=translation.version.policy.agency.code,
            changes={"status": {"old": TranslationStatus.SUBMITTED, "new": TranslationStatus.APPROVED}},
        )
        _publicly_changed()
    return fresh
