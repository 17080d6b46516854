"""A decision and its audit entry in one short transaction on PostgreSQL (issue 14, eo13.audit.fast_append).

Outside any transaction, one decision's log row, its audit entry and the chain head's move are written with the head
locked for one round trip. These tests commit for real, as production does: the entry must be the one audit_record
would write, the chain must verify, a failure must leave nothing behind, and writers of one office must still make
one chain, not two.
"""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.test.utils import CaptureQueriesContext

from eo13 import clock
from eo13.access.models import DecisionLog
from eo13.audit.actions import AuditAction
from eo13.audit.fast_append import insert_with_entry
from eo13.audit.models import AuditChainHead, AuditEntry
from eo13.audit.services import audit_entry_unsealed, audit_record
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


def _start_chain(agency: str = "ACS") -> None:
    with transaction.atomic():
        audit_record(actor="test", action=AuditAction.ADMIN_CHANGE, agency_code=agency)


@postgresql_only
def test_the_log_row_and_its_entry_are_written_together_and_the_chain_verifies():
    _start_chain()
    pk = insert_with_entry(DecisionLog, _row(), _entry(), "default")
    assert pk is not None
    log = DecisionLog.objects.get(pk=pk)
    assert log.facts == {"note": "fictional", "ñ": ["ü", 1]} and log.outcome == "not_permitted"
    entry = AuditEntry.objects.get(model="access.DecisionLog", object_id=str(pk))
    assert (entry.chain, entry.actor_username, entry.action) == ("ACS", "test-writer", "decision.record")
    head = AuditChainHead.objects.get(chain="ACS")
    assert (head.count, head.last_hash) == (2, entry.hash)
    assert verify_chain().ok


@postgresql_only
def test_a_failed_write_leaves_no_row_no_entry_and_the_head_where_it_was():
    _start_chain()
    before = AuditChainHead.objects.get(chain="ACS")
    with pytest.raises(IntegrityError):  # no such office: the foreign key fails at COMMIT
        insert_with_entry(DecisionLog, _row(agency_id=987_654), _entry(), "default")
    assert not DecisionLog.objects.exists()
    assert AuditEntry.objects.count() == 1
    after = AuditChainHead.objects.get(chain="ACS")
    assert (after.count, after.last_hash) == (before.count, before.last_hash)
    # The connection is usable again and the next write extends the same chain.
    assert insert_with_entry(DecisionLog, _row(), _entry(), "default") is not None
    assert verify_chain().ok


def test_elsewhere_it_writes_nothing_and_the_caller_takes_the_general_way():
    _start_chain()
    with transaction.atomic():  # inside a transaction (and on SQLite always): not this way
        assert insert_with_entry(DecisionLog, _row(), _entry(), "default") is None
    assert not DecisionLog.objects.exists() and AuditEntry.objects.count() == 1


@postgresql_only
def test_a_chains_first_entry_is_left_to_audit_record():
    assert insert_with_entry(DecisionLog, _row(), _entry("DOE"), "default") is None
    assert not DecisionLog.objects.exists() and not AuditEntry.objects.exists()


@postgresql_only
def test_writers_of_one_office_at_once_make_one_unbroken_chain():
    _start_chain()
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
    assert DecisionLog.objects.count() == 40
    assert AuditChainHead.objects.get(chain="ACS").count == 41
    result = verify_chain()
    assert result.ok and result.count == 41


@postgresql_only
def test_one_decision_by_token_is_three_statements_in_production(make_user, api_as):
    """As tests/access/test_decision_queries.py pins the general way: the token read, then the head locked with the
    log's key taken, then the log, the entry and the head's move as one statement (plus BEGIN and COMMIT)."""
    api = api_as(make_user("frontline", "ACS"))
    assert api.post("/api/v1/decisions/lot-use", lot_use()).status_code == 200  # first use; the chain's head made
    with CaptureQueriesContext(connection) as ctx:
        response = api.post("/api/v1/decisions/lot-use", lot_use())
    assert response.status_code == 200
    statements = [q["sql"] for q in ctx.captured_queries]
    assert len(statements) == 3, "\n".join(statements)
    assert "accounts_apitoken" in statements[0]
    assert "FOR UPDATE" in statements[1] and "nextval" in statements[1]
    assert statements[2].startswith('WITH "record" AS (INSERT INTO "access_decisionlog"')
    pk = response.json()["decision_id"]
    entry = AuditEntry.objects.get(model="access.DecisionLog", object_id=str(pk))
    assert entry.chain == "ACS" and entry.changes == {"kind": {"new": "lot-use"}, "outcome": {"new": "not_permitted"}}
    assert verify_chain().ok


@postgresql_only
def test_the_three_statements_are_prepared_on_the_server_not_planned_each_time(make_user, api_as):
    """Django turns psycopg's prepared statements off (prepare_threshold None) unless settings turn them back on;
    then ``prepare=True`` is silently ignored and PostgreSQL parses and plans the token read, the head's lock and
    the write on every request. After a few decisions all three must be in the server's list for this connection."""
    api = api_as(make_user("frontline", "ACS"))
    for _ in range(3):
        assert api.post("/api/v1/decisions/lot-use", lot_use()).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any("accounts_apitoken" in s for s in prepared), prepared
    assert any("FOR UPDATE" in s and "nextval" in s for s in prepared), prepared
    assert any(s.startswith('WITH "record" AS (INSERT INTO "access_decisionlog"') for s in prepared), prepared
