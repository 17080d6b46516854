"""Walking the chain. Used by ``eo13 audit-verify`` and by the auditor's screen.

A checkpoint (``eo13 audit-checkpoint``) is the head hash and entry count at one moment, signed with the audit key
and kept outside the database; verifying against it catches a chain rewritten behind it.
"""

import hmac
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from eo13.audit.chain import entry_hash, keyed_digest
from eo13.audit.models import GENESIS_HASH, AuditChainHead, AuditEntry


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    broken_seq: int | None = None
    reason: str = ""


class BadCheckpoint(ValueError):
    """The checkpoint file is unreadable or its signature does not match the audit key."""


def verify_chain(checkpoint: dict[str, Any] | None = None) -> VerifyResult:
    prev = GENESIS_HASH
    count = 0
    for e in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if e.prev_hash != prev:
            return VerifyResult(False, count, e.seq, "its link to the entry before it does not match")
        expected = entry_hash(
            prev_hash=e.prev_hash,
            at=e.at,
            actor_id=e.actor_id,
            actor_username=e.actor_username,
            action=e.action,
            model=e.model,
            object_id=e.object_id,
            agency_code=e.agency_code,
            changes=e.changes,
        )
        if not hmac.compare_digest(expected, e.hash):
            return VerifyResult(False, count, e.seq, "its content was changed after it was written")
        prev = e.hash
        count += 1
        if checkpoint is not None and count == checkpoint["count"] and e.hash != checkpoint["head_hash"]:
            return VerifyResult(
                False, count, e.seq, "the log was rewritten: this entry differs from the signed checkpoint"
            )
    head = AuditChainHead.objects.filter(id=1).first()
    if head and (head.last_hash != prev or head.count != count):
        return VerifyResult(False, count, None, "entries were removed from the end of the log")
    if checkpoint is not None and count < checkpoint["count"]:
        return VerifyResult(
            False, count, None, f"the log is shorter than the signed checkpoint ({checkpoint['count']} entries)"
        )
    if checkpoint is not None and checkpoint["count"] == 0 and checkpoint["head_hash"] != GENESIS_HASH:
        return VerifyResult(False, count, None, "the signed checkpoint does not match the log")
    return VerifyResult(True, count)


def _checkpoint_body(count: int, head_hash: str, at: str) -> str:
    return json.dumps(
        {"count": count, "head_hash": head_hash, "at": at, "kind": "eo13-audit-checkpoint"}, sort_keys=True
    )


def checkpoint_make(now: datetime | None = None) -> dict[str, Any]:
    """The current head hash and count, with the time and an HMAC signature made with the audit key."""
    head = AuditChainHead.objects.filter(id=1).first()
    count = head.count if head else 0
    head_hash = head.last_hash if head else GENESIS_HASH
    at = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    return {
        "count": count,
        "head_hash": head_hash,
        "at": at,
        "signature": keyed_digest(_checkpoint_body(count, head_hash, at)),
    }


def checkpoint_read(text: str) -> dict[str, Any]:
    """A checkpoint from its JSON text, refused unless its signature matches the audit key."""
    try:
        data = json.loads(text)
        count, head_hash, at, signature = (
            int(data["count"]),
            str(data["head_hash"]),
            str(data["at"]),
            str(data["signature"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise BadCheckpoint("The checkpoint file is not a readable EO13 checkpoint.") from exc
    if count < 0 or not hmac.compare_digest(keyed_digest(_checkpoint_body(count, head_hash, at)), signature):
        raise BadCheckpoint("The checkpoint's signature does not match this system's audit key.")
    return {"count": count, "head_hash": head_hash, "at": at}
