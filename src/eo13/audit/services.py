"""Writing to the audit log. Every service that changes data calls :func:`audit_record` inside its transaction."""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import connections, models, router, transaction

from eo13.audit.actions import AuditAction
from eo13.audit.chain import entry_hash
from eo13.audit.models import CHAIN_FORMAT, GENESIS_HASH, AuditEntry, chain_for
from eo13.fast_insert import insert_row
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


_WORD = re.compile(r"[a-z][a-z_-]{0,39}")


def _vocabulary(changes: Mapping[str, Any] | None) -> dict[str, Any]:
    """Changes whose every text is one lower-case word from a closed list, checked rather than trusted: anything
    else (a capital, a digit, a space, an @) could be free text, which only the scrubber may let through."""
    out = dict(changes or {})
    for key, change in out.items():
        for value in change.values() if isinstance(change, Mapping) else (change,):
            if value is not None and not (isinstance(value, str) and _WORD.fullmatch(value)):
                raise ValueError(f"audit change {key!r} is not a vocabulary word; leave it to the scrubber")
    return out


# The head row of one chain: read (and on PostgreSQL locked), made on a chain's first entry, moved on. SQLite lets
# one writer at a time into the whole database, so it needs no row lock.
HEAD_SELECT = 'SELECT "last_hash", "count" FROM "audit_auditchainhead" WHERE "chain" = %s'
HEAD_LOCK = HEAD_SELECT + " FOR UPDATE"
HEAD_CREATE = (
    'INSERT INTO "audit_auditchainhead" ("chain", "last_hash", "count") VALUES (%s, %s, 0) ON CONFLICT ("chain") '
    "DO NOTHING"
)
HEAD_MOVE = 'UPDATE "audit_auditchainhead" SET "last_hash" = %s, "count" = %s WHERE "chain" = %s'


@dataclass(frozen=True)
class Unsealed:
    """An audit entry's fields before its chain is known: who, what, where, which changes (already scrubbed or
    checked). Sealing it onto a chain's head gives the row to insert."""

    chain: str
    fields: dict[str, Any]

    def sealed(self, prev_hash: str, *, object_id: str | None = None) -> dict[str, Any]:
        """The row to insert after ``prev_hash``, with its time taken now (the chain's order is the time order)."""
        fields = self.fields | {"at": datetime.now(UTC)}
        if object_id is not None:  # the record's key, known only once the head is held (fast_append)
            fields["object_id"] = object_id
        digest = entry_hash(prev_hash=prev_hash, chain=self.chain, **fields)
        return fields | {"chain": self.chain, "format": CHAIN_FORMAT, "prev_hash": prev_hash, "hash": digest}


def audit_entry_unsealed(
    *,
    actor: AbstractBaseUser | AnonymousUser | str | None,
    action: AuditAction,
    target: models.Model | None = None,
    model: str = "",
    object_id: str = "",
    agency_code: str = "",
    changes: Mapping[str, Any] | None = None,
    vocabulary_only: bool = False,
) -> Unsealed:
    """Check and clean one entry's fields (see :func:`audit_record`); nothing is written."""
    action = AuditAction(action)  # ValueError for an action no one named in eo13.audit.actions
    if target is not None:
        model = model or target._meta.label
        object_id = object_id or str(target.pk)
    # The audit app knows the user model only as Django's base class (it imports no app).
    user = actor if isinstance(actor, AbstractBaseUser) and actor.is_authenticated else None
    actor_username = user.get_username() if user else (actor if isinstance(actor, str) else "system")
    # ``vocabulary_only``: the caller's changes hold only words from closed lists (a decision's kind and outcome),
    # which the scrubber would pass unchanged; it skips the scrubber on the City's busiest write (issue 14).
    clean_changes = _vocabulary(changes) if vocabulary_only else scrub_value(dict(changes or {}))
    fields: dict[str, Any] = {
        "actor_id": user.pk if user else None,
        "actor_username": actor_username,
        "action": action.value,
        "model": model,
        "object_id": str(object_id),
        "agency_code": agency_code,
        "changes": clean_changes,
    }
    return Unsealed(chain_for(agency_code), fields)


def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | str | None,
    action: AuditAction,
    target: models.Model | None = None,
    model: str = "",
    object_id: str = "",
    agency_code: str = "",
    changes: Mapping[str, Any] | None = None,
    vocabulary_only: bool = False,
) -> AuditEntry:
    """Append one entry to its agency's chain (or the City-wide chain). Must run inside the caller's transaction,
    so the change and its record commit together or not at all. ``action`` must be an :class:`AuditAction`; any
    other value is refused here, before anything is written.

    Only the chain's own head row is locked, so writers of different agencies never wait on each other. The head
    is read and locked on the database that takes writes (the primary), never on a read replica. Plain SQL, as
    this runs on every write in the City and the ORM's query building cost more than the statements."""
    unsealed = audit_entry_unsealed(
        actor=actor,
        action=action,
        target=target,
        model=model,
        object_id=object_id,
        agency_code=agency_code,
        changes=changes,
        vocabulary_only=vocabulary_only,
    )
    return audit_append(unsealed)


def audit_append(unsealed: Unsealed) -> AuditEntry:
    """Seal ``unsealed`` onto its chain's head and write it, inside the caller's transaction (see
    :func:`audit_record`)."""
    using = router.db_for_write(AuditEntry)
    if not transaction.get_connection(using).in_atomic_block:
        raise RuntimeError("audit_record must be called inside transaction.atomic()")
    chain = unsealed.chain
    connection = connections[using]
    select = HEAD_LOCK if connection.vendor == "postgresql" else HEAD_SELECT
    with connection.cursor() as cursor:
        cursor.execute(select, [chain])
        row = cursor.fetchone()
        if row is None:  # the chain's first entry; two first writers at once both end up locking the one row
            cursor.execute(HEAD_CREATE, [chain, GENESIS_HASH])
            cursor.execute(select, [chain])
            row = cursor.fetchone()
        prev_hash, count = row
        sealed = unsealed.sealed(prev_hash)
        entry = AuditEntry(**sealed)
        # The statement is written once; the ORM's per-field preparation cost more than the INSERT (issue 14).
        entry.seq = insert_row(AuditEntry, sealed, using)
        entry._state.adding, entry._state.db = False, using
        cursor.execute(HEAD_MOVE, [sealed["hash"], count + 1, chain])
    return entry
