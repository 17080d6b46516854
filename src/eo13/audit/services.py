"""Writing to the audit log. Every service that changes data calls :func:`audit_record` inside its transaction."""

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models, transaction

from eo13.audit.actions import AuditAction
from eo13.audit.chain import entry_hash
from eo13.audit.models import AuditChainHead, AuditEntry
from eo13.scrub import scrub_value

REDACTED = "[redacted]"


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value.pk)
    try:
        json.dumps(value)
        return value
    except TypeError:
        return str(value)


def field_changes(
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any],
    *,
    sensitive: Iterable[str] = (),
) -> dict[str, dict[str, Any]]:
    """The fields that differ, as ``{field: {"old": ..., "new": ...}}``.

    Sensitive fields show only that they changed."""
    sensitive = set(sensitive)
    before = before or {}
    out: dict[str, dict[str, Any]] = {}
    for name, new in after.items():
        old = before.get(name)
        if old == new and name in before:
            continue
        if name in sensitive:
            out[name] = {"old": REDACTED if old not in (None, "") else None, "new": REDACTED}
        else:
            out[name] = {"old": _jsonable(old), "new": _jsonable(new)}
    return out


def snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {f: _jsonable(getattr(instance, f)) for f in fields}


def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | str | None,
    action: AuditAction,
    target: models.Model | None = None,
    model: str = "",
    object_id: str = "",
    agency_code: str = "",
    changes: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry to the chain. Must run inside the caller's transaction, so the change and its record
    commit together or not at all. ``action`` must be an :class:`AuditAction`; any other value is refused here,
    before anything is written."""
    action = AuditAction(action)  # ValueError for an action no one named in eo13.audit.actions
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record must be called inside transaction.atomic()")
    if target is not None:
        model = model or target._meta.label
        object_id = object_id or str(target.pk)
    # The audit app knows the user model only as Django's base class (it imports no app).
    user = actor if isinstance(actor, AbstractBaseUser) and actor.is_authenticated else None
    actor_username = user.get_username() if user else (actor if isinstance(actor, str) else "system")
    clean_changes = scrub_value(dict(changes or {}))
    head, _ = AuditChainHead.objects.select_for_update().get_or_create(id=1)
    at = datetime.now(UTC)
    digest = entry_hash(
        prev_hash=head.last_hash,
        at=at,
        actor_id=user.pk if user else None,
        actor_username=actor_username,
        action=action.value,
        model=model,
        object_id=str(object_id),
        agency_code=agency_code,
        changes=clean_changes,
    )
    entry = AuditEntry.objects.create(
        at=at,
        actor_id=user.pk if user else None,
        actor_username=actor_username,
        action=action.value,
        model=model,
        object_id=str(object_id),
        agency_code=agency_code,
        changes=clean_changes,
        prev_hash=head.last_hash,
        hash=digest,
    )
    head.last_hash = digest
    head.count += 1
    head.save(update_fields=["last_hash", "count"])
    return entry
