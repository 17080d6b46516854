"""Signed checkpoints over every audit chain's head (issue 14), as append-only transparency logs sign tree heads.

A checkpoint is the canonical JSON of every chain's (count, head hash) at one moment, the time, and the hash of the
checkpoint before it; it is signed with Ed25519. The signing key is derived from the audit key (never stored), so
whoever holds the audit key can sign, and anyone given the public key (``eo13 audit-checkpoint`` prints it in each
file) can check a checkpoint without being able to make one. Checkpoints are kept in the database (chained, append
only) and may be copied outside it with ``eo13 audit-checkpoint --output FILE``.

Checkpoint files written before issue 14 (one chain: count, head hash, HMAC signature) are still read: their chain
is today's City-wide chain, which holds every older entry in the same order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.db import IntegrityError, router, transaction

from eo13.audit.chain import audit_key, keyed_digest
from eo13.audit.models import CITY_CHAIN, GENESIS_HASH, AuditChainHead, AuditCheckpoint

KIND = "eo13-audit-checkpoint"
VERSION = 2
_SIGNING_SALT = b"eo13.audit.checkpoint.ed25519.v1"

Heads = dict[str, tuple[int, str]]  # chain -> (count, head hash)


class BadCheckpoint(ValueError):
    """The checkpoint file is unreadable or its signature does not match the audit key."""


@lru_cache(maxsize=4)
def _private_key(key: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hmac.new(key, _SIGNING_SALT, hashlib.sha256).digest())


def public_key() -> Ed25519PublicKey:
    return _private_key(audit_key()).public_key()


def public_key_hex() -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def sign(body: str) -> str:
    return _private_key(audit_key()).sign(body.encode()).hex()


def signature_ok(body: str, signature: str) -> bool:
    try:
        public_key().verify(bytes.fromhex(signature), body.encode())
    except (InvalidSignature, ValueError):
        return False
    return True


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def body_dict(heads: Heads, at: datetime, prev: str) -> dict[str, Any]:
    return {
        "kind": KIND,
        "version": VERSION,
        "at": at.isoformat(timespec="microseconds"),
        "prev": prev,
        "count": sum(count for count, _ in heads.values()),
        "chains": {name: {"count": count, "head": head} for name, (count, head) in sorted(heads.items())},
    }


def heads_of(data: dict[str, Any]) -> Heads:
    return {str(name): (int(c["count"]), str(c["head"])) for name, c in data["chains"].items()}


def checkpoint_make(now: datetime | None = None) -> dict[str, Any]:
    """Record every chain's head now, signed and chained to the last checkpoint; returns the file form.

    The heads are read in one statement on the primary database, so they are one consistent moment."""
    using = router.db_for_write(AuditCheckpoint)
    for attempt in range(3):
        try:
            with transaction.atomic(using=using):
                heads = {h.chain: (h.count, h.last_hash) for h in AuditChainHead.objects.using(using).order_by("chain")}
                last = AuditCheckpoint.objects.using(using).order_by("-seq").first()
                at = now or datetime.now(UTC)
                data = body_dict(heads, at, last.hash if last else GENESIS_HASH)
                body = canonical(data)
                row = AuditCheckpoint(
                    at=at,
                    body=body,
                    prev_hash=data["prev"],
                    hash=hashlib.sha256(body.encode()).hexdigest(),
                    signature=sign(body),
                )
                row.save(using=using, force_insert=True)
            break
        except IntegrityError:  # another checkpoint was written after the same one: chain after it instead
            if attempt == 2:
                raise
    return checkpoint_file(row)


def checkpoint_file(row: AuditCheckpoint) -> dict[str, Any]:
    """A stored checkpoint as a file: its signed fields, the signature, and the public key that checks it."""
    return {**json.loads(row.body), "signature": row.signature, "public_key": public_key_hex()}


def checkpoint_read(text: str) -> dict[str, Any]:
    """A checkpoint from its JSON text as ``{"at", "count", "heads"}``, refused unless its signature matches."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise TypeError
        if data.get("kind") == KIND and data.get("version") == VERSION:
            return _read_v2(data)
        return _read_v1(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, BadCheckpoint):
            raise
        raise BadCheckpoint("The checkpoint file is not a readable EO13 checkpoint.") from exc


def _read_v2(data: dict[str, Any]) -> dict[str, Any]:
    signed = {k: v for k, v in data.items() if k not in ("signature", "public_key")}
    signature = str(data["signature"])
    heads = heads_of(signed)
    if any(count < 0 for count, _ in heads.values()) or not signature_ok(canonical(signed), signature):
        raise BadCheckpoint("The checkpoint's signature does not match this system's audit key.")
    return {"at": str(signed["at"]), "count": int(signed["count"]), "heads": heads}


def _legacy_body(count: int, head_hash: str, at: str) -> str:
    return json.dumps({"count": count, "head_hash": head_hash, "at": at, "kind": KIND}, sort_keys=True)


def _read_v1(data: dict[str, Any]) -> dict[str, Any]:
    count, head_hash, at, signature = (
        int(data["count"]),
        str(data["head_hash"]),
        str(data["at"]),
        str(data["signature"]),
    )
    if count < 0 or not hmac.compare_digest(keyed_digest(_legacy_body(count, head_hash, at)), signature):
        raise BadCheckpoint("The checkpoint's signature does not match this system's audit key.")
    return {"at": at, "count": count, "heads": {CITY_CHAIN: (count, head_hash)}}
