"""Walking the chains. Used by ``eo13 audit-verify`` and by the auditor's screen.

One pass over the entries in the order they were written checks every chain at once (each entry links to the one
before it in its own chain), then each chain's head row, then the stored checkpoints (their signatures and their
own chain), and that every chain passes through the head each checkpoint signed. A checkpoint file kept outside the
database (``eo13 audit-checkpoint --output``) is checked the same way, so a rewrite behind it is caught even by
someone who also removed the stored checkpoints.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.db import router

from eo13.audit.chain import entry_hash
from eo13.audit.checkpoints import BadCheckpoint, checkpoint_make, checkpoint_read, heads_of, signature_ok
from eo13.audit.models import CHAIN_FORMAT, GENESIS_HASH, AuditChainHead, AuditCheckpoint, AuditEntry

__all__ = ["BadCheckpoint", "VerifyResult", "checkpoint_make", "checkpoint_read", "verify_chain"]


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    count: int
    broken_seq: int | None = None
    reason: str = ""
    checkpoint_seq: int | None = None  # a stored checkpoint that is itself broken


@dataclass(frozen=True)
class _Expect:
    head: str
    source: str  # "the signed checkpoint" (a file) or "signed checkpoint #N" (stored)


def _entry_ok(e: AuditEntry) -> bool:
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
        chain=e.chain if e.format == CHAIN_FORMAT else None,
    )
    return hmac.compare_digest(expected, e.hash)


def _stored_checkpoints(using: str) -> tuple[VerifyResult | None, list[tuple[int, dict[str, Any]]]]:
    """Every stored checkpoint, checked for its signature and its link to the one before it."""
    prev = GENESIS_HASH
    out: list[tuple[int, dict[str, Any]]] = []
    for cp in AuditCheckpoint.objects.using(using).order_by("seq").iterator(chunk_size=500):
        try:
            data = json.loads(cp.body)
            heads = heads_of(data)
        except (ValueError, KeyError, TypeError, AttributeError):
            return VerifyResult(False, 0, None, f"signed checkpoint #{cp.seq} is unreadable", cp.seq), out
        if cp.prev_hash != prev or data.get("prev") != prev:
            reason = f"signed checkpoint #{cp.seq} does not follow the one before it"
            return VerifyResult(False, 0, None, reason, cp.seq), out
        if hashlib.sha256(cp.body.encode()).hexdigest() != cp.hash or not signature_ok(cp.body, cp.signature):
            reason = f"signed checkpoint #{cp.seq}'s signature does not match this system's audit key"
            return VerifyResult(False, 0, None, reason, cp.seq), out
        out.append((cp.seq, {"at": data.get("at"), "heads": heads}))
        prev = cp.hash
    return None, out


def verify_chain(checkpoint: dict[str, Any] | None = None) -> VerifyResult:
    """Check every chain, every stored checkpoint, and ``checkpoint`` (from :func:`checkpoint_read`) if given."""
    using = router.db_for_write(AuditEntry)  # the primary: a replica may lag behind the heads
    broken, stored = _stored_checkpoints(using)
    if broken is not None:
        return broken
    expect: dict[tuple[str, int], list[_Expect]] = {}
    wanted: list[tuple[str, int, _Expect]] = []
    sources = [(f"signed checkpoint #{seq}", cp["heads"]) for seq, cp in stored]
    if checkpoint is not None:
        sources.append(("the signed checkpoint", checkpoint["heads"]))
    for source, heads in sources:
        for chain, (count, head) in heads.items():
            mark = _Expect(head, source)
            expect.setdefault((chain, count), []).append(mark)
            wanted.append((chain, count, mark))

    tips: dict[str, tuple[int, str]] = {}  # chain -> (entries so far, last hash)
    total = 0
    for e in AuditEntry.objects.using(using).order_by("seq").iterator(chunk_size=2000):
        n, prev = tips.get(e.chain, (0, GENESIS_HASH))
        if e.prev_hash != prev:
            return VerifyResult(False, total, e.seq, "its link to the entry before it does not match")
        if not _entry_ok(e):
            return VerifyResult(False, total, e.seq, "its content was changed after it was written")
        tips[e.chain] = (n + 1, e.hash)
        total += 1
        for mark in expect.get((e.chain, n + 1), ()):
            if mark.head != e.hash:
                return VerifyResult(
                    False, total, e.seq, f"the log was rewritten: this entry differs from {mark.source}"
                )

    heads = {h.chain: (h.count, h.last_hash) for h in AuditChainHead.objects.using(using).all()}
    for chain in sorted(set(heads) | set(tips)):
        if tips.get(chain, (0, GENESIS_HASH)) != heads.get(chain, (0, GENESIS_HASH)):
            return VerifyResult(False, total, None, f"entries were removed from the end of the log ({chain})")
    for chain, count, mark in wanted:
        have = tips.get(chain, (0, GENESIS_HASH))[0]
        if have < count:
            return VerifyResult(False, total, None, f"the log is shorter than {mark.source} ({chain}: {count} entries)")
        if count == 0 and mark.head != GENESIS_HASH:
            return VerifyResult(False, total, None, f"{mark.source} does not match the log")
    return VerifyResult(True, total)
