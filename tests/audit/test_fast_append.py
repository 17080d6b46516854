"""A decision and its audit entry in one statement on PostgreSQL, on the writing thread's own chain (issue 14,
eo13.audit.fast_append).

Outside any transaction, one decision's log row, its audit entry and the move of the thread's writer's chain head are
one statement, guarded by the head the thread last wrote. These tests commit for real, as production does: the entry
must be one audit-verify accepts, a failure must leave nothing behind, and writers meeting on one chain must never
fork it.
"""

import threading
from dataclasses import replace

import pytest
from django.db import DataError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from eo13 import clock
from eo13.access.models import DecisionLog
from eo13.audit.actions import AuditAction
from eo13.audit.fast_append import forget_writers, insert_with_entry, is_writer_chain
from eo13.audit.models import AuditChainHead, AuditEntry
from eo13.audit.services import audit_append, audit_entry_unsealed
from eo13.audit.verify import verify_chain
from tests.law.facts_builders import lot_use

pytestmark = pytest.mark.django_db(transaction=True)
postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="the one-transaction way is PostgreSQL's"
)


def _row(**overrides: object) -> dict[str, object]:
    return {
        "kind": "lot-use",
        "partial": False,
        "facts": {"note": "fictional", "ñ": ["ü", 1]},
        "outcome": "not_permitted",
        "decision": {"outcome": "not_permitted"},
        "rules_version": "test",
        "as_of": clock.today(),
        "asked_by_id": None,
        "agency_id": None,
        "channel": "api",
        "created_at": clock.now(),
    } | overrides


def _entry(agency: str = "ACS") -> object:
    return audit_entry_unsealed(
        actor="test-writer",
        action=AuditAction.DECISION_RECORD,
        model=DecisionLog._meta.label,
        agency_code=agency,
        changes={"kind": {"new": "lot-use"}, "outcome": {"new": "not_permitted"}},
        vocabulary_only=True,
    )


@pytest.fixture(autouse=True)
def _new_thread():
    forget_writers()  # each test starts as a fresh app thread would, holding no chain
    yield
    forget_writers()


def _entry_of(pk: object) -> AuditEntry:
    return AuditEntry.objects.get(model="access.DecisionLog", object_id=str(pk))


@postgresql_only
def test_the_log_row_and_its_entry_are_written_together_on_a_writers_chain_and_it_verifies():
    pk = insert_with_entry(DecisionLog, _row(), _entry(), "default")
    assert pk is not None
    log = DecisionLog.objects.get(pk=pk)
    assert log.facts == {"note": "fictional", "ñ": ["ü", 1]} and log.outcome == "not_permitted"
    entry = _entry_of(pk)
    assert is_writer_chain(entry.chain) and entry.agency_code == "ACS"
    assert (entry.actor_username, entry.action) == ("test-writer", "decision.record")
    head = AuditChainHead.objects.get(chain=entry.chain)
    assert (head.count, head.last_hash) == (1, entry.hash)
    second = _entry_of(insert_with_entry(DecisionLog, _row(), _entry("DOE"), "default"))
    assert second.chain == entry.chain and second.prev_hash == entry.hash  # the thread keeps its chain
    assert verify_chain().ok


@postgresql_only
def test_a_failed_write_leaves_no_row_no_entry_and_the_head_where_it_was():
    first = _entry_of(insert_with_entry(DecisionLog, _row(), _entry(), "default"))
    with pytest.raises(DataError):  # a kind longer than its column: the statement fails as a whole
        insert_with_entry(DecisionLog, _row(kind="k" * 21), _entry(), "default")
    assert DecisionLog.objects.count() == 1 and AuditEntry.objects.count() == 1
    head = AuditChainHead.objects.get(chain=first.chain)
    assert (head.count, head.last_hash) == (1, first.hash)
    # The connection is usable again and the next write extends the same chain.
    after = _entry_of(insert_with_entry(DecisionLog, _row(), _entry(), "default"))
    assert (after.chain, after.prev_hash) == (first.chain, first.hash)
    assert verify_chain().ok


def test_elsewhere_it_writes_nothing_and_the_caller_takes_the_general_way():
    with transaction.atomic():  # inside a transaction (and on SQLite always): not this way
        assert insert_with_entry(DecisionLog, _row(), _entry(), "default") is None
    assert not DecisionLog.objects.exists() and not AuditEntry.objects.exists()


@postgresql_only
def test_a_head_moved_by_someone_else_is_never_forked_the_write_goes_to_another_chain():
    """Two processes may pick the same writer's chain. The one whose remembered head is stale writes nothing there:
    its statement matches no head, so it reads the head again and moves on."""
    first = _entry_of(insert_with_entry(DecisionLog, _row(), _entry(), "default"))
    with transaction.atomic():  # another writer extends this thread's chain behind its back
        other = audit_append(replace(_entry("DOE"), chain=first.chain))
    pk = insert_with_entry(DecisionLog, _row(), _entry(), "default")
    assert pk is not None
    moved = _entry_of(pk)
    assert moved.chain != first.chain and is_writer_chain(moved.chain)
    assert list(AuditEntry.objects.filter(chain=first.chain).values_list("hash", flat=True)) == [
        first.hash,
        other.hash,
    ]
    assert DecisionLog.objects.count() == 2  # the try on the stale head left no row behind
    assert verify_chain().ok


@postgresql_only
def test_with_one_writers_chain_a_stale_head_is_read_again_and_the_chain_goes_on(settings):
    settings.EO13_AUDIT_WRITER_CHAINS = 1
    first = _entry_of(insert_with_entry(DecisionLog, _row(), _entry(), "default"))
    with transaction.atomic():
        audit_append(replace(_entry(), chain=first.chain))
    third = _entry_of(insert_with_entry(DecisionLog, _row(), _entry(), "default"))
    assert third.chain == first.chain and AuditChainHead.objects.get(chain=first.chain).count == 3
    assert verify_chain().ok


@postgresql_only
def test_writers_at_once_never_wait_on_one_head_and_every_chain_verifies():
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            for _ in range(10):
                assert insert_with_entry(DecisionLog, _row(), _entry(), "default") is not None
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert DecisionLog.objects.count() == 40 == AuditEntry.objects.count()
    heads = AuditChainHead.objects.all()
    assert all(is_writer_chain(h.chain) for h in heads) and sum(h.count for h in heads) == 40
    result = verify_chain()
    assert result.ok and result.count == 40


@postgresql_only
def test_one_decision_by_token_is_two_statements_in_production(make_user, api_as, settings):
    """As tests/access/test_decision_queries.py pins the general way: the token read, then the log, the entry and
    the head's move as one statement, in autocommit (no BEGIN, no COMMIT). (A remembered token is not read at all:
    tests/accounts/test_token_cache.py.)"""
    settings.EO13_TOKEN_CACHE = False
    api = api_as(make_user("frontline", "ACS"))
    # First use: the token's use written, a writer's chain taken and a block of keys.
    assert api.post("/api/v1/decisions/lot-use", lot_use()).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = api.post("/api/v1/decisions/lot-use", lot_use())
    assert response.status_code == 200
    statements = [q["sql"] for q in ctx.captured_queries]
    assert len(statements) == 2, "\n".join(statements)
    assert "accounts_apitoken" in statements[0]
    assert statements[1].startswith('WITH "head" AS (UPDATE "audit_auditchainhead"')
    entry = _entry_of(response.json()["decision_id"])
    assert is_writer_chain(entry.chain) and entry.agency_code == "ACS"
    assert entry.changes == {"kind": {"new": "lot-use"}, "outcome": {"new": "not_permitted"}}
    assert verify_chain().ok


@postgresql_only
def test_the_hot_statements_are_prepared_on_the_server_not_planned_each_time(make_user, api_as, settings):
    """Django turns psycopg's prepared statements off (prepare_threshold None) unless settings turn them back on;
    then ``prepare=True`` is silently ignored and PostgreSQL parses and plans the token read and the write on every
    request. After a few decisions both must be in the server's list for this connection."""
    settings.EO13_TOKEN_CACHE = False  # so the token is read on each request, as without the cache
    api = api_as(make_user("frontline", "ACS"))
    for _ in range(3):
        assert api.post("/api/v1/decisions/lot-use", lot_use()).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("accounts_apitoken" in s for s in prepared), prepared
    assert any(s.startswith('WITH "head" AS (UPDATE "audit_auditchainhead"') for s in prepared), prepared
