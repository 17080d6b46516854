"""Hashing for the audit chain: one canonical form, used when writing and when verifying."""

import hashlib
import json
from datetime import datetime
from typing import Any


def entry_hash(
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
) -> str:
    body = json.dumps(
        {
            "prev": prev_hash,
            "at": at.isoformat(timespec="microseconds"),
            "actor_id": actor_id,
            "actor": actor_username,
            "action": action,
            "model": model,
            "object_id": object_id,
            "agency": agency_code,
            "changes": changes,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()
