"""Walking the chain. Used by ``eo13 audit-verify`` and by the auditor's screen."""

from dataclasses import dataclass

from eo13.audit.chain import entry_hash
from eo13.audit.models import GENESIS_HASH, AuditChainHead, AuditEntry


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    broken_seq: int | None = None
    reason: str = ""


def verify_chain() -> VerifyResult:
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
        if expected != e.hash:
            return VerifyResult(False, count, e.seq, "its content was changed after it was written")
        prev = e.hash
        count += 1
    head = AuditChainHead.objects.filter(id=1).first()
    if head and (head.last_hash != prev or head.count != count):
        return VerifyResult(False, count, None, "entries were removed from the end of the log")
    return VerifyResult(True, count)
