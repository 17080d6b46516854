"""The DATABASES setting from the environment (issue 14), kept out of settings.py so it can say why at length.

- ``DATABASE_URL``: PostgreSQL in production and CI; SQLite under the var folder by default.
- ``DATABASE_REPLICA_URL``: a streaming replica. Only GET requests to the public pages and the reports read from
  it, and never the audit log or sign-in data (see eo13.ops.replica); every write goes to the primary.
- ``CONN_MAX_AGE``, ``DB_CONNECT_TIMEOUT``, ``DB_POOL_MIN_SIZE`` / ``DB_POOL_MAX_SIZE`` / ``DB_POOL_TIMEOUT``.

Imports no Django model: settings.py calls it before apps load.
"""

from pathlib import Path
from typing import Any

SQLITE = "django.db.backends.sqlite3"


def _sqlite(db: dict[str, Any], env: Any) -> None:
    # IMMEDIATE transactions take the write lock up front, so two writers queue instead of failing mid-way, and
    # the audit chain (which reads its head, then appends) stays a chain. The connection is kept between requests:
    # opening one and setting WAL cost more than many queries.
    db.setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
    db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
    db["CONN_HEALTH_CHECKS"] = True


def _postgres(db: dict[str, Any], env: Any) -> None:
    db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    db["CONN_HEALTH_CHECKS"] = True
    # A short connect timeout, so /healthz answers 503 at once while PostgreSQL is away instead of hanging.
    db.setdefault("OPTIONS", {}).setdefault("connect_timeout", env.int("DB_CONNECT_TIMEOUT", default=3))
    # Django leaves psycopg's prepare_threshold at None, which turns prepared statements off on the connection:
    # even a cursor that asks for one (eo13.prepared, eo13.audit.fast_append) then has each statement parsed and
    # planned anew. Django's own cursors bind on the client and never prepare, so this reaches only those few hot
    # statements. DB_PREPARED_STATEMENTS=0 turns it off for a pooler that cannot keep prepared statements
    # (PgBouncer in transaction mode before 1.21).
    if env.bool("DB_PREPARED_STATEMENTS", default=True):
        db["OPTIONS"].setdefault("prepare_threshold", 5)  # psycopg's own default
    if env.int("DB_POOL_MAX_SIZE", default=0) > 0:
        # Django's psycopg pool: each process keeps up to DB_POOL_MAX_SIZE connections (incompatible with
        # persistent connections, so CONN_MAX_AGE is 0 with it). Checked before use, so a restarted server is
        # noticed at once; a request waits at most DB_POOL_TIMEOUT seconds for a connection.
        db["CONN_MAX_AGE"] = 0
        db["OPTIONS"]["pool"] = {
            "min_size": env.int("DB_POOL_MIN_SIZE", default=1),
            "max_size": env.int("DB_POOL_MAX_SIZE"),
            "timeout": env.float("DB_POOL_TIMEOUT", default=3.0),
            "max_lifetime": 600,
            "reconnect_timeout": 3600,
        }


def _configured(db: dict[str, Any], env: Any) -> dict[str, Any]:
    (_sqlite if db["ENGINE"] == SQLITE else _postgres)(db, env)
    db["ATOMIC_REQUESTS"] = False
    return db


def databases_from_env(env: Any, var_dir: Path) -> tuple[dict[str, Any], list[str]]:
    """DATABASES and DATABASE_ROUTERS."""
    databases = {
        "default": _configured(env.db_url("DATABASE_URL", default=f"sqlite:///{var_dir / 'eo13.sqlite3'}"), env)
    }
    if not env.str("DATABASE_REPLICA_URL", default=""):
        return databases, []
    replica = _configured(env.db_url("DATABASE_REPLICA_URL"), env)
    # Tests run against one database: the replica alias mirrors the primary there.
    replica["TEST"] = {"MIRROR": "default"}
    databases["replica"] = replica
    return databases, ["eo13.ops.replica.ReplicaRouter"]
