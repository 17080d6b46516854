"""A record and its audit entry in one statement, with no lock shared between writers (PostgreSQL; issue 14).

The City's busiest write is a decision and its audit entry. Through :func:`audit_record` it is four statements in a
transaction with the agency chain's head locked across three of them, so every writer of one office queued on one
row, a round trip at a time. Here each app thread writes its entries to a *writer's chain* (``writer-07``) that in
practice only it extends, as append-only transparency logs give each writer its own log and join them with signed
checkpoints over every head (``eo13.audit.checkpoints``). The thread keeps its chain's head in memory and writes the
record, the entry and the head's move as one statement in autocommit: one round trip, one commit, no wait.

The statement moves the head only from the hash this thread last wrote (``WHERE "last_hash" = ...``), and the two
INSERTs take their rows from that UPDATE, so if anyone else extended the chain meanwhile (another process that
picked the same chain, or a write whose outcome this thread never learnt) nothing at all is written; the thread
reads the head again, moves to another chain and tries once more. Chains cannot fork and ``eo13 audit-verify``
checks these entries as any others: the entry covers its chain's name and links to the one before it.

The record's key is in the entry (and so in its hash) before the statement runs, so keys are taken from the record's
sequence a block at a time. The number of writers' chains is fixed (``EO13_AUDIT_WRITER_CHAINS``), so restarts and
more processes reuse them rather than add heads to every checkpoint.

Elsewhere (SQLite, inside a transaction) :func:`insert_with_entry` writes nothing and returns None, and the caller
takes the general way.
"""

from __future__ import annotations

import os
import random
import threading
from collections import deque
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from eo13.audit.models import GENESIS_HASH, AuditChainHead, AuditEntry
from eo13.audit.services import HEAD_CREATE, HEAD_SELECT, Unsealed
from eo13.fast_insert import insert_columns, prepared_values
from eo13.prepared import fetch_all

WRITER_CHAIN_PREFIX = "writer-"
KEY_BLOCK = 32  # record keys taken per round trip; a process that ends leaves at most this many unused
ATTEMPTS = 4  # a thread that keeps meeting other writers gives up and the caller takes the general way

_HEAD = AuditChainHead._meta.db_table
HEAD_CREATE_RETURNING = HEAD_CREATE + ' RETURNING "last_hash", "count"'
KEYS = "SELECT nextval(%s::regclass) FROM generate_series(1, %s)"


def writer_chains() -> int:
    return max(1, int(settings.EO13_AUDIT_WRITER_CHAINS))


def is_writer_chain(chain: str) -> bool:
    return chain.startswith(WRITER_CHAIN_PREFIX)


@dataclass
class _Writer:
    """One thread's chain on one database: its head as this thread last wrote it, and keys taken in advance."""

    pid: int
    chain: str = ""
    prev_hash: str = GENESIS_HASH
    count: int = 0
    keys: dict[type[Model], deque[int]] = field(default_factory=dict)


_threads = threading.local()


def forget_writers() -> None:
    """This thread lets go of its chains and keys, as a new thread starts (tests that count statements)."""
    _threads.__dict__.pop("writers", None)


def _writer(alias: str) -> _Writer:
    writers: dict[str, _Writer] = _threads.__dict__.setdefault("writers", {})
    writer = writers.get(alias)
    if writer is None or writer.pid != os.getpid():  # a forked child must not think it holds its parent's head
        writer = writers[alias] = _Writer(pid=os.getpid())
    return writer


@cache
def _statement(model: type[Model]) -> str:
    """The head's guarded move, then the record (with its key) and the entry, both selected from the move: if the
    head was not where this thread left it, the UPDATE matches no row and neither INSERT writes anything. PostgreSQL
    runs every data-changing part of a WITH, all or nothing, once."""
    meta = model._meta
    record = [f'"{meta.pk.column}"', *insert_columns(model)]
    entry = insert_columns(AuditEntry)
    return (
        f'WITH "head" AS (UPDATE "{_HEAD}" SET "last_hash" = %s, "count" = %s '  # noqa: S608  # names from models
        'WHERE "chain" = %s AND "last_hash" = %s AND "count" = %s RETURNING 1), '
        f'"record" AS (INSERT INTO "{meta.db_table}" ({", ".join(record)}) '
        f'SELECT {", ".join(["%s"] * len(record))} FROM "head"), '
        f'"entry" AS (INSERT INTO "{AuditEntry._meta.db_table}" ({", ".join(entry)}) '
        f'SELECT {", ".join(["%s"] * len(entry))} FROM "head") '
        'SELECT 1 FROM "head"'
    )


@cache
def _sequence(alias: str, model: type[Model]) -> str:
    """The sequence behind the model's key, looked up once per process and database."""
    meta = model._meta
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [meta.db_table, meta.pk.column])
        name: str = cursor.fetchone()[0]
    return name


def _take_chain(connection: BaseDatabaseWrapper, writer: _Writer, avoid: str) -> None:
    """Move ``writer`` to a writer's chain other than ``avoid`` (chosen at random, so two threads that met part) and
    read its head, making the head row on the chain's first use."""
    names = [f"{WRITER_CHAIN_PREFIX}{n:02d}" for n in range(writer_chains())]
    choices = [name for name in names if name != avoid] or names
    writer.chain = random.choice(choices)  # noqa: S311  # spreading writers, not a secret
    rows = fetch_all(connection, HEAD_SELECT, [writer.chain])
    if not rows:  # the chain's first use; another thread may make it at the same moment
        made = fetch_all(connection, HEAD_CREATE_RETURNING, [writer.chain, GENESIS_HASH])
        rows = made or fetch_all(connection, HEAD_SELECT, [writer.chain])
    writer.prev_hash, writer.count = rows[0]


def _next_key(connection: BaseDatabaseWrapper, writer: _Writer, model: type[Model]) -> int:
    keys = writer.keys.setdefault(model, deque())
    if not keys:
        keys.extend(row[0] for row in fetch_all(connection, KEYS, [_sequence(connection.alias, model), KEY_BLOCK]))
    return keys.popleft()


def insert_with_entry(model: type[Model], row: dict[str, Any], unsealed: Unsealed, using: str) -> Any | None:
    """Insert ``row`` (every column of ``model`` but its key, as :func:`eo13.fast_insert.insert_row` takes it) and
    the audit entry ``unsealed`` names, on this thread's writer's chain, whose ``object_id`` becomes the new row's
    key; returns that key. Both commit together or neither does. Returns None, having written nothing, where this
    way does not apply."""
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    connection.ensure_connection()
    if not connection.connection.autocommit:  # Django runs PostgreSQL in autocommit outside atomic(); else not ours
        return None
    writer = _writer(using)
    sql = _statement(model)
    # Every statement goes through eo13.prepared, so each is prepared once per connection and then only executed.
    if not writer.chain:
        _take_chain(connection, writer, avoid="")
    for _attempt in range(ATTEMPTS):
        key = _next_key(connection, writer, model)  # a key is spent by every try, kept or not
        sealed = replace(unsealed, chain=writer.chain).sealed(writer.prev_hash, object_id=str(key))
        count = writer.count + 1
        guard = [sealed["hash"], count, writer.chain, writer.prev_hash, writer.count]
        values = [*prepared_values(model, row, connection), *prepared_values(AuditEntry, sealed, connection)]
        if fetch_all(connection, sql, [*guard, key, *values]):
            writer.prev_hash, writer.count = sealed["hash"], count
            return key
        _take_chain(connection, writer, avoid=writer.chain)  # someone else moved this head: part ways
    return None
