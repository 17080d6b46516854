"""The decision API's database work is pinned (issue 14): one decision by token costs five statements, none of them
a lock shared with other agencies, so a change that adds a query or a global lock fails here, not in production.

This is the general way, inside a transaction (here the test's own; SQLite always). On PostgreSQL outside any
transaction, as in production, the same writes take two statements: tests/audit/test_fast_append.py pins those."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from eo13.access.models import DecisionLog
from eo13.audit.models import AuditChainHead, AuditEntry
from tests.law.facts_builders import lot_use

PINNED = [
    # the token, its user and the user's roles and agencies, in one query (last use is written at most once a minute)
    "accounts_apitoken",
    "access_decisionlog",  # the decision log row
    "audit_auditchainhead",  # the caller's agency chain head, locked (FOR UPDATE on PostgreSQL)
    "audit_auditentry",  # the audit entry
    "audit_auditchainhead",  # the head moved on
]


def _statements(ctx: CaptureQueriesContext) -> list[str]:
    # Savepoints belong to the test's own transaction (in production the request's BEGIN/COMMIT); leave them out.
    return [q["sql"] for q in ctx.captured_queries if "SAVEPOINT" not in q["sql"].upper()]


def _table(sql: str) -> str:
    return next(t for t in ["accounts_apitoken", "accounts_membership", *PINNED] if t in sql)


def test_one_decision_by_token_costs_five_statements_and_locks_only_its_agencys_chain(make_user, api_as):
    api = api_as(make_user("frontline", "ACS"))
    assert api.post("/api/v1/decisions/lot-use", lot_use()).status_code == 200  # the token's first use is written
    with CaptureQueriesContext(connection) as ctx:
        response = api.post("/api/v1/decisions/lot-use", lot_use())
    assert response.status_code == 200 and response.json()["outcome"] == "not_permitted"
    statements = _statements(ctx)
    assert [_table(sql) for sql in statements] == PINNED, "\n".join(statements)
    assert not any(s.lstrip().upper().startswith("UPDATE") and "accounts_apitoken" in s for s in statements)
    if connection.vendor == "postgresql":
        (lock,) = [s for s in statements if "FOR UPDATE" in s]
        assert "audit_auditchainhead" in lock
    log = DecisionLog.objects.get(pk=response.json()["decision_id"])
    entry = AuditEntry.objects.get(model="access.DecisionLog", object_id=str(log.pk))
    assert entry.chain == "ACS" and AuditChainHead.objects.get(chain="ACS").last_hash == entry.hash


def test_a_batch_adds_only_the_writes_for_each_decision(make_user, api_as):
    api = api_as(make_user("frontline", "ACS"))
    api.post("/api/v1/decisions/lot-use", lot_use())
    with CaptureQueriesContext(connection) as ctx:
        response = api.post("/api/v1/decisions/lot-use", [lot_use(), lot_use(), lot_use()])
    assert response.status_code == 200 and len(response.json()) == 3
    assert len(_statements(ctx)) == 1 + 3 * 4
