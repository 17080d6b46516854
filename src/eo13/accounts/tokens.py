"""Personal API tokens: made, checked and revoked. The token is shown once; only its hash is kept.

Tokens expire EO13_TOKEN_DAYS after they are made, and a password change or deactivation revokes them all
(eo13.accounts.signals).
"""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connections, router, transaction
from django.utils import timezone

from eo13.accounts.models import APIToken, User
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import NotFound
from eo13.text import clean_label

TOKEN_PREFIX = "eo13_"  # noqa: S105  (a label, not a secret)
# Writing last use on every request would make every API read take SQLite's write lock (issue 9, Medium 7).
LAST_USED_EVERY = timedelta(minutes=1)


# The token and its user in one plain query, with whether last use is due to be written (issue 14): the ORM's
# select_related query cost several times the statement on every API request. Table names come from the models.
_TOKEN_USER_SQL = (
    'SELECT u.*, t."id" AS "_eo13_token_id", '  # noqa: S608
    'CASE WHEN t."last_used_at" IS NULL OR t."last_used_at" <= %s THEN 1 ELSE 0 END AS "_eo13_token_stale" '
    f'FROM "{APIToken._meta.db_table}" t INNER JOIN "{User._meta.db_table}" u ON u."id" = t."user_id" '
    'WHERE t."digest" = %s AND t."revoked_at" IS NULL AND t."expires_at" > %s'
)


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_create(*, actor: User, name: str = "API token") -> tuple[APIToken, str]:
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    name = clean_label(name, field="name", default="API token")
    with transaction.atomic():
        expires_at = timezone.now() + timedelta(days=settings.EO13_TOKEN_DAYS)
        token = APIToken.objects.create(
            user=actor, name=name, prefix=raw[:12], digest=_digest(raw), expires_at=expires_at
        )
        audit_record(
            actor=actor, action=AuditAction.API_TOKEN_CREATE, target=token, changes={"name": {"new": token.name}}
        )
    return token, raw


def token_revoke(*, actor: User, token: APIToken) -> APIToken:
    if token.user_id != actor.pk:
        raise NotFound("No such token.")
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action=AuditAction.API_TOKEN_REVOKE, target=token)
    return token


def token_user(raw: str) -> Any:
    """The active user behind a raw token, or None."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    now = timezone.now()
    using = router.db_for_read(User)
    adapt = connections[using].ops.adapt_datetimefield_value
    params = [adapt(now - LAST_USED_EVERY), _digest(raw), adapt(now)]
    user = next(iter(User.objects.db_manager(using).raw(_TOKEN_USER_SQL, params)), None)
    if user is None or not user.is_active:
        return None
    # Last use is a convenience, not an audited change; written at most once a minute so reads stay reads.
    # Both are columns of the query above, set on the user object by raw().
    if user._eo13_token_stale:  # type: ignore[attr-defined]
        APIToken.objects.filter(pk=user._eo13_token_id).update(last_used_at=now)  # type: ignore[attr-defined]
    return user


def tokens_revoke_for_user(user: User, reason: str) -> int:
    """Revoke every live token of ``user`` (a leaver, "sign out everywhere"); returns how many. Issue 15.

    Runs inside the caller's transaction when there is one, with one audit entry for the lot."""
    with transaction.atomic():
        live = APIToken.objects.filter(user=user, revoked_at__isnull=True)
        ids = list(live.values_list("pk", flat=True))
        if ids:
            APIToken.objects.filter(pk__in=ids).update(revoked_at=timezone.now())
            audit_record(
                actor="system",
                action=AuditAction.API_TOKEN_REVOKE_ALL,
                target=user,
                changes={"tokens": {"old": len(ids), "new": 0}, "reason": {"new": reason}},
            )
    return len(ids)
