"""Personal API tokens: made, checked and revoked. The token is shown once; only its hash is kept.

Tokens expire EO13_TOKEN_DAYS after they are made, and a password change or deactivation revokes them all
(eo13.accounts.signals).
"""

import hashlib
import secrets
import time
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connections, router, transaction
from django.utils import timezone

from eo13.accounts import token_cache
from eo13.accounts.membership_read import A_FIELDS, KEPT_ON_USER, M_FIELDS, ORDER, memberships_from_rows
from eo13.accounts.models import APIToken, Membership, User
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import NotFound
from eo13.prepared import fetch_all
from eo13.row_read import build, columns, converters, quoted
from eo13.text import clean_label

TOKEN_PREFIX = "eo13_"  # noqa: S105  (a label, not a secret)
# Writing last use on every request would make every API read take SQLite's write lock (issue 9, Medium 7).
LAST_USED_EVERY = timedelta(minutes=1)


# The token, its user and the user's memberships in one plain statement written once (issue 14): through the ORM
# (select_related, then the memberships) the queries cost several times the statements on every API request.
_U_FIELDS = list(User._meta.concrete_fields)


@cache
def _token_statement() -> str:
    tt, ut = quoted(APIToken._meta.db_table), quoted(User._meta.db_table)
    mt, at = quoted(Membership._meta.db_table), quoted(Agency._meta.db_table)
    return (
        f'SELECT {", ".join(columns(_U_FIELDS, "u"))}, t."id", '  # noqa: S608
        'CASE WHEN t."last_used_at" IS NULL OR t."last_used_at" <= %s THEN 1 ELSE 0 END, t."expires_at", '
        f"{', '.join(columns(M_FIELDS) + columns(A_FIELDS))} "
        f'FROM {tt} t INNER JOIN {ut} u ON u."id" = t."user_id" '
        f'LEFT OUTER JOIN {mt} ON {mt}."user_id" = u."id" LEFT OUTER JOIN {at} ON {at}."id" = {mt}."agency_id" '
        f'WHERE t."digest" = %s AND t."revoked_at" IS NULL AND t."expires_at" > %s {ORDER}'
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
    """The active user behind a raw token, or None. The user's memberships come with it (eo13.accounts.policy).

    On PostgreSQL the user is remembered by the process for up to a minute and forgotten the moment any sign-in
    data changes (eo13.accounts.token_cache); each request gets its own copy."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    using = router.db_for_read(User)
    connection = connections[using]
    cache = token_cache.for_connection(connection)
    digest = _digest(raw)
    remembered = cache.get(digest) if cache is not None else None
    if remembered is not None:
        return _copy(remembered)
    epoch = cache.epoch if cache is not None else 0  # taken before the read: a change during it voids the entry
    now = timezone.now()
    adapt = connection.ops.adapt_datetimefield_value
    rows = fetch_all(connection, _token_statement(), [adapt(now - LAST_USED_EVERY), digest, adapt(now)])
    if not rows:
        return None
    n = len(_U_FIELDS)
    first = rows[0]
    user = build(User, using, _U_FIELDS, first[:n], converters("token.user", _U_FIELDS, connection), connection)
    if not user.is_active:
        return None
    token_id, stale, expires_at = first[n : n + 3]
    # One row per membership; a user with none has one row whose membership columns are all NULL.
    has_memberships = first[n + 3] is not None
    setattr(user, KEPT_ON_USER, memberships_from_rows([r[n + 3 :] for r in rows], using) if has_memberships else [])
    # Last use is a convenience, not an audited change; written at most once a minute so reads stay reads (a
    # user is remembered for at most a minute, so the first read after that writes the use).
    if stale:
        APIToken.objects.filter(pk=token_id).update(last_used_at=now)
    if cache is not None and isinstance(expires_at, datetime):  # timestamptz: an aware datetime from psycopg
        left = min(token_cache.KEEP_SECONDS, (expires_at - now).total_seconds())
        cache.put(digest, epoch, user, time.monotonic() + left)
        return _copy(user)
    return user


def _copy(user: User) -> User:
    """A request's own copy of a remembered user: what a request sets on it stays with that request. (Django copies
    a model's state with it; the memberships are read only.)"""
    mine = object.__new__(type(user))
    # What copy.copy gives, without its detour through pickling's protocol (which looks the model up by name).
    mine.__dict__.update(user.__getstate__())
    setattr(mine, KEPT_ON_USER, list(getattr(user, KEPT_ON_USER)))
    return mine


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
