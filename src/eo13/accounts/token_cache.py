"""API tokens remembered between requests, forgotten as soon as sign-in data changes (PostgreSQL; issue 14).

Reading a token with its user, memberships and offices was a third of an API decision's database work. Each app
process now keeps the user that read gave for up to a minute, so a caller's requests after the first read nothing.

Forgetting is driven by the database, not by the code that changes things: triggers on the tables the read covers
(tokens, users, memberships, offices; see migration accounts 0004_sign_in_changed) send a notification on every
change, however it is made (a form, a bulk update, a roster import, SQL by hand). One thread in each process
listens for it on its own connection and moves the process's *epoch* on; an entry remembered under an older epoch
is never used. An entry read before a change but stored after it carries the epoch from before the read, so it is
never used either. While the listener is not connected (starting, or PostgreSQL away) nothing is remembered or
used, and every reconnection moves the epoch on, since notifications sent meanwhile were lost.

What is left: a change reaches other processes when its notification does, a few milliseconds after its commit.
A request in that gap may still pass with the token as it was just before.

Inside a transaction (tests, and any code that reads its own uncommitted change) the cache is neither read nor
written. On SQLite there is no cache.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import OrderedDict
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

log = logging.getLogger(__name__)

CHANNEL = "eo13_sign_in"
KEEP_SECONDS = 60.0  # no longer than tokens.LAST_USED_EVERY, so a token's last use is still written once a minute
MAX_ENTRIES = 10_000
_CHECK_EVERY = 20.0  # the listener's silent connection is checked this often, so a dead one is noticed
_RETRY_AFTER = 1.0


class _Listener(threading.Thread):
    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(name="eo13-sign-in-listener", daemon=True)
        self.params = params
        self.epoch = 0
        self.ready = False
        self.stopping = False
        self.backend = 0  # the listening connection's server process, so stop() can end it from outside

    def _bump(self) -> None:
        self.epoch += 1  # one writer (this thread); readers only compare, so no lock is needed

    def run(self) -> None:
        import psycopg

        while not self.stopping:
            try:
                with psycopg.connect(**self.params, autocommit=True) as conn:
                    self.backend = conn.info.backend_pid
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._bump()  # whatever changed while no one listened is unknown: forget it all
                    self.ready = True
                    while not self.stopping:
                        for _ in conn.notifies(timeout=_CHECK_EVERY):
                            self._bump()
                        conn.execute("SELECT 1")  # raises if the connection died in silence
            except Exception as exc:  # any failure: stop trusting, then reconnect
                if self.ready:
                    log.warning("sign-in listener lost its connection (%s); tokens read each time", type(exc).__name__)
            self.ready = False
            self._bump()
            if not self.stopping:
                time.sleep(_RETRY_AFTER)

    def stop(self) -> None:
        """Stop listening and close the connection (the thread may be waiting on it, so end it from the server)."""
        import psycopg

        self.stopping, self.ready = True, False
        if self.backend and self.is_alive():
            with psycopg.connect(**self.params, autocommit=True) as conn:
                conn.execute("SELECT pg_terminate_backend(%s)", [self.backend])
        self.join(10)


class TokenCache:
    """One process's remembered token reads, keyed by the token's digest."""

    def __init__(self, listener: _Listener) -> None:
        self.listener = listener
        self.entries: OrderedDict[str, tuple[int, float, Any]] = OrderedDict()
        self.lock = threading.Lock()

    @property
    def epoch(self) -> int:
        return self.listener.epoch

    def get(self, digest: str) -> Any:
        """What was remembered for ``digest``, or None if nothing was or it may be out of date."""
        entry = self.entries.get(digest)
        if entry is None:
            return None
        epoch, until, value = entry
        if epoch != self.listener.epoch or not self.listener.ready or time.monotonic() >= until:
            return None
        return value

    def put(self, digest: str, epoch: int, value: Any, until: float) -> None:
        """Remember ``value``, read after the epoch was ``epoch``, until ``until`` (monotonic seconds)."""
        with self.lock:
            self.entries[digest] = (epoch, until, value)
            self.entries.move_to_end(digest)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)


_caches: dict[tuple[int, str], TokenCache] = {}
_start = threading.Lock()


def enabled() -> bool:
    from django.conf import settings

    return bool(settings.EO13_TOKEN_CACHE)


def for_connection(connection: BaseDatabaseWrapper) -> TokenCache | None:
    """This process's cache for ``connection``'s database, or None where it must not be used."""
    if connection.vendor != "postgresql" or connection.in_atomic_block or not enabled():
        return None
    key = (os.getpid(), connection.alias)  # a forked child starts its own listener; threads do not survive fork
    cache = _caches.get(key)
    if cache is None:
        with _start:
            cache = _caches.get(key)
            if cache is None:
                params = connection.get_connection_params()
                for private in ("cursor_factory", "context", "prepare_threshold"):
                    params.pop(private, None)
                listener = _Listener(params)
                listener.start()
                cache = _caches[key] = TokenCache(listener)
    return cache if cache.listener.ready else None


def stop_all() -> None:
    """Stop this process's listeners (tests, before their database is dropped)."""
    with _start:
        for key in list(_caches):
            _caches.pop(key).listener.stop()
