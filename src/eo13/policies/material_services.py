"""Writes for the §5 library: made by City Hall, MOIA or the Law Department, approved by the Law Department,
sent to agencies, and confirmed by each agency (EO 13 §5(1)–(4), §8(1))."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from eo13.accounts.actors import Actor, signed_in
from eo13.accounts.policy import Role, memberships
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.models import AuditEntry
from eo13.audit.services import audit_record
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.policies import public_cache
from eo13.policies.models import Audience, Dissemination, Material, MaterialKind
from eo13.policies.permissions import DISSEMINATION_ACCESS, MATERIAL_MAKERS, is_law_reviewer, is_material_maker
from eo13.policies.services import STALE_EDIT, clean_text
from eo13.versioning import check_version, versioned_update

SITE_LANGUAGES = {code for code, _ in settings.LANGUAGES}
OWN_EDIT = "You made or changed this text, so a second person at the Law Department approves it."


def _check_choices(kind: str, audience: str, languages: list[str]) -> list[str]:
    if kind not in MaterialKind.values:
        raise ValidationFailed("Choose what kind of material this is.", field="kind")
    if audience not in Audience.values:
        raise ValidationFailed("Choose who the material is for.", field="audience")
    unknown = sorted(set(languages) - SITE_LANGUAGES)
    if unknown:
        raise ValidationFailed(f"Unknown language code: {', '.join(unknown)}.", field="languages")
    if not languages:
        raise ValidationFailed("Name at least one language the material exists in.", field="languages")
    return sorted(set(languages), key=[c for c, _ in settings.LANGUAGES].index)


def _maker_office_ids(actor: Actor) -> set[int]:
    """The §5 offices the actor makes materials for: their City Hall membership, or where they are the lead."""

    return {
        m.agency_id
        for m in memberships(actor)
        if m.role == Role.CITY_HALL or (m.role == Role.AGENCY_LEAD and m.agency.code in MATERIAL_MAKERS)
    }


def edited_since_approval(actor: Actor, material: Material) -> bool:
    """Whether ``actor`` made or changed the text now waiting for approval (the audit log names each editor)."""
    actor_id = getattr(actor, "pk", None)
    if actor_id is None:
        return False
    entries = AuditEntry.objects.filter(model=Material._meta.label, object_id=str(material.pk))
    last_approval = (
        entries.filter(action=AuditAction.MATERIAL_APPROVE).order_by("-seq").values_list("seq", flat=True).first()
    )
    edits = entries.filter(action__in=(AuditAction.MATERIAL_CREATE, AuditAction.MATERIAL_UPDATE), actor_id=actor_id)
    if last_approval is not None:
        edits = edits.filter(seq__gt=last_approval)
    return edits.exists() or (last_approval is None and material.created_by_id == actor_id)


def _owner_for(actor: Actor) -> Agency:

    for m in memberships(actor):
        if m.agency.code in MATERIAL_MAKERS:
            return m.agency
    return Agency.objects.get(code="CITYHALL")


def material_create(*, actor: Actor, kind: str, audience: str, title: str, body: str, languages: list[str]) -> Material:
    """A new item for the §5 library; it needs the Law Department's approval before it is sent."""
    if not is_material_maker(actor):
        raise PermissionDenied("City Hall, MOIA or the Law Department make §5 materials.")
    languages = _check_choices(kind, audience, languages)
    title = clean_text(title, "title", max_length=200)
    body = clean_text(body, "body")
    with transaction.atomic():
        material = Material.objects.create(
            kind=kind,
            audience=audience,
            title=title,
            body=body,
            languages=languages,
            owner=_owner_for(actor),
            created_by=signed_in(actor),
        )
        audit_record(
            actor=actor,
            action=AuditAction.MATERIAL_CREATE,
            target=material,
            agency_code=material.owner.code,
            changes={"kind": {"new": kind}, "title": {"new": title}, "languages": {"new": languages}},
        )
    return material


def material_update(
    *,
    actor: Actor,
    material: Material,
    expected_version: int,
    kind: str,
    audience: str,
    title: str,
    body: str,
    languages: list[str],
) -> Material:
    """Change a material. A change to an approved one sends it back for the Law Department's approval."""
    if not is_material_maker(actor):
        raise PermissionDenied("City Hall, MOIA or the Law Department change §5 materials.")
    if material.owner_id not in _maker_office_ids(actor):
        raise PermissionDenied("Only the office that made this material can change it.")
    languages = _check_choices(kind, audience, languages)
    title = clean_text(title, "title", max_length=200)
    body = clean_text(body, "body")
    with transaction.atomic():
        fresh = Material.objects.select_for_update().get(pk=material.pk)
        was_approved = fresh.approved_at is not None
        fresh, _ = versioned_update(
            fresh,
            expected_version,
            conflict=STALE_EDIT,
            kind=kind,
            audience=audience,
            title=title,
            body=body,
            languages=languages,
            approved_by=None,
            approved_at=None,
        )
        audit_record(
            actor=actor,
            action=AuditAction.MATERIAL_UPDATE,
            target=fresh,
            agency_code=fresh.owner.code,
            changes={"title": {"new": title}, "approved": {"old": was_approved, "new": False}},
        )
        if was_approved:
            transaction.on_commit(public_cache.bump)
    return fresh


def material_approve(*, actor: Actor, material: Material, expected_version: int) -> Material:
    """The Law Department approves a material (EO 13 §5: "in conjunction with the Law Department")."""
    if not is_law_reviewer(actor):
        raise PermissionDenied("Only the Law Department approves §5 materials.")
    with transaction.atomic():
        fresh = Material.objects.select_for_update().get(pk=material.pk)
        check_version(fresh, expected_version, conflict=STALE_EDIT)
        if fresh.approved_at is not None:
            raise ConflictError("This material is already approved.")
        if edited_since_approval(actor, fresh):
            raise PermissionDenied(OWN_EDIT)
        fresh, _ = versioned_update(
            fresh, expected_version, conflict=STALE_EDIT, approved_by=signed_in(actor), approved_at=timezone.now()
        )
        audit_record(
            actor=actor,
            action=AuditAction.MATERIAL_APPROVE,
            target=fresh,
            agency_code=fresh.owner.code,
            changes={"approved": {"old": False, "new": True}},
        )
        transaction.on_commit(public_cache.bump)
    return fresh


def material_send(*, actor: Actor, material: Material, agencies: list[Agency]) -> list[Dissemination]:
    """Send an approved material to agencies (EO 13 §5 "disseminate"); each send is recorded once."""
    if not is_material_maker(actor):
        raise PermissionDenied("City Hall, MOIA or the Law Department send §5 materials.")
    if not agencies:
        raise ValidationFailed("Choose at least one agency.", field="agencies")
    with transaction.atomic():
        fresh = Material.objects.select_for_update().get(pk=material.pk)
        if fresh.approved_at is None:
            raise ValidationFailed("The Law Department must approve this material before it is sent.")
        made = []
        for agency in agencies:
            d, created = Dissemination.objects.get_or_create(
                material=fresh, agency=agency, defaults={"sent_by": signed_in(actor)}
            )
            if created:
                made.append(d)
        audit_record(
            actor=actor,
            action=AuditAction.MATERIAL_SEND,
            target=fresh,
            agency_code=fresh.owner.code,
            changes={"sent_to": {"new": [d.agency.code for d in made]}},
        )
    return made


def dissemination_confirm(*, actor: Actor, dissemination: Dissemination) -> Dissemination:
    """The receiving agency's lead confirms the agency has the material and passed it on."""
    DISSEMINATION_ACCESS.require_write(actor, dissemination)
    with transaction.atomic():
        fresh = Dissemination.objects.select_for_update(of=("self",)).select_related("agency").get(pk=dissemination.pk)
        if fresh.confirmed_at is not None:
            raise ConflictError("This agency already confirmed it has the material.")
        fresh.confirmed_by, fresh.confirmed_at = signed_in(actor), timezone.now()
        fresh.save()
        audit_record(
            actor=actor,
            action=AuditAction.DISSEMINATION_CONFIRM,
            target=fresh,
            agency_code=fresh.agency.code,
            changes={"confirmed": {"old": False, "new": True}},
        )
    return fresh
