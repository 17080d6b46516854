"""Account events that must happen however the change is made (web, admin, `changepassword`, a roster import).

- A password change or deactivation revokes the person's API tokens, with an audit entry (issue 9, Medium 3).
- django-axes keeps no copy of the failed sign-in form: its GET and POST copies are emptied before saving.
- A refused password sign-in (web form or token endpoint) leaves an audit entry: the account it named, when that
  account exists, and never the typed username itself (it may be anything, even a member of the public's details).
"""

from typing import Any

from axes.models import AccessAttempt
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from eo13.accounts.models import APIToken, User
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record


@receiver(pre_save, sender=AccessAttempt)
def _axes_keeps_no_form(sender: Any, instance: AccessAttempt, **kwargs: Any) -> None:
    instance.get_data = ""
    instance.post_data = ""


@receiver(user_login_failed)
def _audit_refused_sign_in(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    username = str(credentials.get("username") or "")
    known = User.objects.filter(username=username).first() if 0 < len(username) <= 150 else None
    with transaction.atomic():
        audit_record(
            actor="sign-in",
            action=AuditAction.USER_SIGN_IN_REFUSED,
            target=known,
            changes={"method": "password", "account": "known" if known else "unknown"},
        )


@receiver(pre_save, sender=User)
def _remember_before(sender: Any, instance: User, update_fields: Any = None, **kwargs: Any) -> None:
    instance._eo13_revoke_reason = ""  # type: ignore[attr-defined]
    if instance.pk is None or (update_fields is not None and not {"password", "is_active"} & set(update_fields)):
        return
    before = User.objects.filter(pk=instance.pk).values("password", "is_active").first()
    if before is None:
        return
    if before["is_active"] and not instance.is_active:
        instance._eo13_revoke_reason = "deactivated"  # type: ignore[attr-defined]
    elif before["password"] != instance.password:
        instance._eo13_revoke_reason = "password_change"  # type: ignore[attr-defined]


@receiver(post_save, sender=User)
def _revoke_tokens(sender: Any, instance: User, created: bool, **kwargs: Any) -> None:
    reason = getattr(instance, "_eo13_revoke_reason", "")
    if created or not reason:
        return
    tokens_revoke_all(user=instance, reason=reason)


def tokens_revoke_all(*, user: User, reason: str) -> int:
    """Revoke every live token of ``user``; one audit entry per token, naming why."""
    with transaction.atomic():
        live = list(APIToken.objects.select_for_update().filter(user=user, revoked_at__isnull=True))
        now = timezone.now()
        for token in live:
            token.revoked_at = now
            token.save(update_fields=["revoked_at"])
            audit_record(
                actor="system", action=AuditAction.API_TOKEN_REVOKE, target=token, changes={"reason": {"new": reason}}
            )
    return len(live)
