"""The mapping of the City provider's groups to EO13 roles and agencies (issue 15): data City Hall edits, audited.

Everyone with a read-all role may see it; only City Hall (and superusers) may change it.
"""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from eo13.accounts.actors import Actor
from eo13.accounts.models import GroupMapping, Role
from eo13.accounts.policy import has_role
from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import ConflictError, NotFound, PermissionDenied, ValidationFailed
from eo13.scrub import scrub_text

READERS = frozenset({Role.CITY_HALL, Role.AUDITOR, Role.CHIEF_PRIVACY_OFFICER})
EDITORS = frozenset({Role.CITY_HALL})


def _may_edit(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, EDITORS)


def group_mapping_list(*, user: Any) -> QuerySet[GroupMapping]:
    if not (getattr(user, "is_superuser", False) or has_role(user, READERS)):
        raise PermissionDenied("Only City Hall, auditors and the Chief Privacy Officer see the sign-in groups.")
    return GroupMapping.objects.select_related("agency")


def _clean(group: str, agency_code: str, role: str, is_chair: bool) -> tuple[str, Agency, str, bool]:
    group = (group or "").strip()
    if not group or len(group) > 255 or any(ord(c) < 32 for c in group):
        raise ValidationFailed("Give the group's name or id as the provider sends it (1 to 255 characters).", "group")
    if scrub_text(group) != group:
        # A group name never holds a personal identifier; one that looks like it does is refused, not stored.
        raise ValidationFailed("The group name looks like it holds personal information. Check it.", "group")
    agency = agency_by_code(agency_code)
    if role not in Role.values:
        raise ValidationFailed(f"role must be one of: {', '.join(Role.values)}", "role")
    if is_chair and role != Role.COMMITTEE:
        raise ValidationFailed("Only a committee role can be the chair (EO 13 §7(2)).", "is_chair")
    return group, agency, role, bool(is_chair)


def group_mapping_create(
    *, actor: Actor, group: str, agency_code: str, role: str, is_chair: bool = False
) -> GroupMapping:
    if not _may_edit(actor):
        raise PermissionDenied("Only City Hall may change the sign-in groups.")
    group, agency, role, is_chair = _clean(group, agency_code, role, is_chair)
    try:
        with transaction.atomic():
            mapping = GroupMapping.objects.create(group=group, agency=agency, role=role, is_chair=is_chair)
            audit_record(
                actor=actor,
                action=AuditAction.GROUP_MAPPING_CREATE,
                target=mapping,
                agency_code=agency.code,
                changes={"group": {"new": group}, "role": {"new": role}, "is_chair": {"new": is_chair}},
            )
    except IntegrityError as exc:
        raise ConflictError("This group already gives that role in that agency.", "group") from exc
    return mapping


def group_mapping_delete(*, actor: Actor, mapping_id: int) -> None:
    if not _may_edit(actor):
        raise PermissionDenied("Only City Hall may change the sign-in groups.")
    with transaction.atomic():
        mapping = GroupMapping.objects.select_for_update().select_related("agency").filter(pk=mapping_id).first()
        if mapping is None:
            raise NotFound("No such group mapping.")
        audit_record(
            actor=actor,
            action=AuditAction.GROUP_MAPPING_DELETE,
            target=mapping,
            agency_code=mapping.agency.code,
            changes={"group": {"old": mapping.group}, "role": {"old": mapping.role}},
        )
        mapping.delete()
