"""Ending a person's sessions everywhere, and switching off a leaver's account (issue 15)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from eo13.accounts.actors import Actor
from eo13.accounts.models import User
from eo13.accounts.tokens import tokens_revoke_for_user
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record


def sessions_revoke_for_user(*, actor: Actor, user: User, reason: str) -> User:
    """Every session of ``user`` that began before now ends at its next request."""
    with transaction.atomic():
        user.sessions_revoked_at = timezone.now()
        user.save(update_fields=["sessions_revoked_at"])
        audit_record(
            actor=actor, action=AuditAction.USER_SESSIONS_REVOKE, target=user, changes={"reason": {"new": reason}}
        )
    return user


def user_deactivate(*, actor: Actor, user: User, reason: str) -> User:
    """A leaver: the account is switched off, its sessions end and its API tokens stop working. Its records stay,
    still attributed to it."""
    with transaction.atomic():
        user.is_active = False
        user.sessions_revoked_at = timezone.now()
        user.save(update_fields=["is_active", "sessions_revoked_at"])
        revoked = tokens_revoke_for_user(user, reason)
        audit_record(
            actor=actor,
            action=AuditAction.USER_DEACTIVATE,
            target=user,
            changes={"is_active": {"old": True, "new": False}, "reason": {"new": reason}, "tokens_revoked": revoked},
        )
    return user
