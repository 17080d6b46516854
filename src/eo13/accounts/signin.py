"""Accounts made and kept from the City provider's claims (issue 15).

A person's memberships (agency, role) come only from their groups, through the group mapping City Hall keeps. They are
set again at every sign-in, so a group change at the provider takes effect at the next sign-in. Nothing is made for a
person whose groups map to nothing, or whose token carries no groups at all.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from eo13.accounts.models import GroupMapping, Membership, User
from eo13.accounts.oidc_tokens import SignInRefused
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.scrub import scrub_text

MAX_GROUPS = 500


def claimed_groups(claims: dict[str, Any]) -> list[str]:
    """The groups (or app roles) the token names, from the configured claim; SignInRefused when there are none."""
    value = claims.get(settings.EO13_OIDC_GROUPS_CLAIM)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise SignInRefused("missing_groups")
    return [str(g)[:255] for g in value[:MAX_GROUPS]]


def mapped_roles(groups: list[str]) -> set[tuple[int, str, bool]]:
    """(agency id, role, is chair) for every mapping of the given groups."""
    rows = GroupMapping.objects.filter(group__in=groups).values_list("agency_id", "role", "is_chair")
    return {(agency_id, role, bool(chair)) for agency_id, role, chair in rows}


def _work_email(value: Any) -> str:
    try:
        validate_email(str(value or ""))
    except ValidationError:
        return ""
    return str(value)[:254]


def _username(claims: dict[str, Any]) -> str:
    base = str(claims.get("preferred_username") or claims.get("email") or "city-user").split("@")[0]
    base = "".join(c for c in base.lower() if c.isalnum() or c in "._-")[:120] or "city-user"
    name, n = base, 1
    while User.objects.filter(username=name).exists():
        n += 1
        name = f"{base}-{n}"
    return name


def user_sign_in_from_claims(*, claims: dict[str, Any]) -> User:
    """Find or make the account for ``claims['sub']`` and set its memberships from its groups (issue 15)."""
    subject = str(claims.get("sub") or "")
    if not subject:
        raise SignInRefused("signature", "no subject")
    groups = claimed_groups(claims)
    wanted = mapped_roles(groups)
    user = User.objects.filter(oidc_subject=subject).first()
    if user is not None and not user.is_active:
        raise SignInRefused("inactive")
    if not wanted:
        if user is not None:
            # A known person whose groups no longer map keeps their records but loses every right.
            with transaction.atomic():
                _set_memberships(user, set())
        raise SignInRefused("unmapped")
    profile = {
        # A staff member's work address, needed for reminders; kept only when it is a valid address.
        "email": _work_email(claims.get("email")),
        "first_name": scrub_text(str(claims.get("given_name") or ""))[:150],
        "last_name": scrub_text(str(claims.get("family_name") or ""))[:150],
        "employee_id": str(claims.get(settings.EO13_OIDC_EMPLOYEE_ID_CLAIM) or "")[:64],
    }
    with transaction.atomic():
        if user is None:
            user = User(username=_username(claims), oidc_subject=subject, **profile)
            user.set_unusable_password()
            user.save()
            audit_record(
                actor="oidc",
                action=AuditAction.USER_CREATE_FROM_CLAIMS,
                target=user,
                changes={"username": {"new": user.username}, "employee_id": {"new": user.employee_id}},
            )
        else:
            changed = {k: {"old": getattr(user, k), "new": v} for k, v in profile.items() if getattr(user, k) != v}
            if changed:
                for k, v in profile.items():
                    setattr(user, k, v)
                user.save(update_fields=list(profile))
                audit_record(actor=user, action=AuditAction.USER_UPDATE_FROM_CLAIMS, target=user, changes=changed)
        _set_memberships(user, wanted)
    return user


def _set_memberships(user: User, wanted: set[tuple[int, str, bool]]) -> None:
    current = {(m.agency_id, m.role, m.is_chair): m for m in Membership.objects.filter(user=user)}
    removed = [m for key, m in current.items() if key not in wanted]
    added = [key for key in wanted if key not in current]
    if not removed and not added:
        return
    Membership.objects.filter(pk__in=[m.pk for m in removed]).delete()
    for agency_id, role, chair in added:
        Membership.objects.create(user=user, agency_id=agency_id, role=role, is_chair=chair)
    audit_record(
        actor="oidc",
        action=AuditAction.USER_MEMBERSHIPS_FROM_GROUPS,
        target=user,
        changes={
            "memberships": {
                "old": sorted(f"{m.agency_id}:{m.role}:{m.is_chair}" for m in removed),
                "new": sorted(f"{a}:{r}:{c}" for a, r, c in added),
            }
        },
    )
