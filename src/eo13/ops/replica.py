"""Reads that may lag go to the streaming replica (issue 14; docs/deploy.md "Replica for reads").

Only code that asks for it reads from the replica: views wrapped in :func:`reads_from_replica` (the public pages
and the reports), and only for GET and HEAD. Even there, three things always read the primary:

- the audit log and its chain heads: a head read from a lagging copy would fork the chain;
- sign-in data (accounts, sessions, second factors, API tokens): a person switched off must be refused at once;
- anything inside a transaction on the primary: a write must be able to read itself back.

Writes always go to the primary, and only the primary is migrated.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connections

REPLICA = "replica"
# The apps whose data the public pages and reports show. Everything else is read from the primary.
REPLICA_APPS = frozenset(
    {"agencies", "policies", "obligations", "access", "training", "committee", "detainers", "privacy"}
)
_reading = ContextVar("eo13_replica_reads", default=False)


@contextmanager
def replica_reads() -> Iterator[None]:
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def reads_from_replica(view: Callable[..., Any]) -> Callable[..., Any]:
    """Let a view's GET and HEAD requests read from the replica, where one is configured."""

    @functools.wraps(view)
    def wrapped(request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        with replica_reads():
            return view(request, *args, **kwargs)

    wrapped.reads_from_replica = True  # type: ignore[attr-defined]
    return wrapped


class ReplicaRouter:
    """Installed by eo13.ops.databases when DATABASE_REPLICA_URL is set."""

    def db_for_read(self, model: Any, **hints: Any) -> str | None:
        if (
            _reading.get()
            and model._meta.app_label in REPLICA_APPS
            and not connections["default"].in_atomic_block
            and REPLICA in connections.settings
        ):
            return REPLICA
        return "default"  # the primary, also for objects first read from the replica

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # one database and its copy

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"
