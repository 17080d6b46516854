"""Hashing for the audit chain: one canonical form, used when writing and when verifying.

The chain is keyed (HMAC-SHA-256) with a key that is not in the database (``EO13_AUDIT_KEY``, or a key derived
from SECRET_KEY with its own salt), so someone who can write the database cannot recompute a rewritten chain.
"""

import hashlib
import hmac
import json
from datetime import datetime
from functools import lru_cache
from typing import Any

from django.conf import settings

# Only for deriving a key from SECRET_KEY; a distinct salt keeps it apart from every other use of SECRET_KEY.
AUDIT_KEY_SALT = b"eo13.audit.chain.v1"


def audit_key() -> bytes:
    """The HMAC key: EO13_AUDIT_KEY when set, otherwise derived from SECRET_KEY (never stored in the database)."""
    return _keyed_now()[0]


def _keyed_now() -> tuple[bytes, hmac.HMAC]:
    return _keyed(str(getattr(settings, "EO13_AUDIT_KEY", "")), str(settings.SECRET_KEY))


@lru_cache(maxsize=4)
def _keyed(explicit: str, secret: str) -> tuple[bytes, hmac.HMAC]:
    """The key for these settings, and an HMAC with the key set up, copied for each digest: every audited write
    seals an entry, and deriving the key and setting it up again each time cost more than hashing the entry."""
    key = explicit.encode() if explicit else hmac.new(AUDIT_KEY_SALT, secret.encode(), hashlib.sha256).digest()
    return key, hmac.new(key, digestmod=hashlib.sha256)


def keyed_digest(body: str) -> str:
    mac = _keyed_now()[1].copy()
    mac.update(body.encode())
    return mac.hexdigest()


def canonical_body(
    *,
    prev_hash: str,
    at: datetime,
    actor_id: int | None,
    actor_username: str,
    action: str,
    model: str,
    object_id: str,
    agency_code: str,
    changes: Any,
    chain: str | None = None,
) -> str:
    body: dict[str, Any] = {
        "prev": prev_hash,
        "at": at.isoformat(timespec="microseconds"),
        "actor_id": actor_id,
        "actor": actor_username,
        "action": action,
        "model": model,
        "object_id": object_id,
        "agency": agency_code,
        "changes": changes,
    }
    # Entries written since per-agency chains (format 2) also cover their chain's name; the older single-chain
    # entries never did, and leaving the key out for them keeps their hashes valid.
    if chain is not None:
        body["chain"] = chain
    return json.dumps(
        body,
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )


def entry_hash(**fields: Any) -> str:
    return keyed_digest(canonical_body(**fields))


def plain_entry_hash(**fields: Any) -> str:
    """The unkeyed SHA-256 the chain used before it was keyed; only the one-off re-keying migration reads it."""
    return hashlib.sha256(canonical_body(**fields).encode()).hexdigest()
