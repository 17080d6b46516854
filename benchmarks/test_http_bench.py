"""`make bench`: the decision API against the bare JSON view over HTTP, the way the issue measured them (issue 14).

The production server as `make run` starts it (gunicorn, two workers of two threads), 8 clients on kept-alive
connections for a few seconds each, against a fresh database of this run's engine: a SQLite file, or a new
PostgreSQL database beside the test one when ``DATABASE_URL`` names PostgreSQL. The clients run in this process, on
the same two cores as the server, as the issue's did. The rate limits come from the environment (issue 14 point 6),
so the benchmark sets them out of its way instead of patching code.

Each side is measured three times, alternating; the ratio compares the medians of requests per second."""

from __future__ import annotations

import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from benchmarks.test_access_bench import FACTS

pytestmark = [pytest.mark.bench]
ROOT = Path(__file__).resolve().parents[1]
CLIENTS, SECONDS, ROUNDS = 8, 5, 3
BENCH_DB = "eo13_bench_http"

# Made in the server's database once it is ready: a fictional front-line user with a token in each of the first
# CLIENTS offices (by code), one a line. The first is at ACS.
_USERS_SCRIPT = """
import django; django.setup()
from eo13.accounts.models import Membership, User
from eo13.accounts.tokens import token_create
from eo13.agencies.models import Agency
offices = ["ACS", *Agency.objects.exclude(code="ACS").order_by("code").values_list("code", flat=True)[:%d]]
for code in offices:
    user = User.objects.create(username="bench-http-" + code.lower())
    Membership.objects.create(user=user, agency=Agency.objects.get(code=code), role="frontline")
    print(token_create(actor=user, name="bench")[1])
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin(url: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(urlparse(url)._replace(path="/postgres").geturl(), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]  # constants of this module only


def _postgres(url: str) -> str:
    """A fresh database on the server ``url`` names; returns its URL."""
    _admin(url, f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)', f'CREATE DATABASE "{BENCH_DB}"')
    return urlparse(url)._replace(path=f"/{BENCH_DB}").geturl()


def _drop(url: str) -> None:
    _admin(url, f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, list[str]]]:
    var = tmp_path_factory.mktemp("http-bench")
    given = os.environ.get("DATABASE_URL", "")
    database = _postgres(given) if given.startswith("postgres") else f"sqlite:///{var}/bench.sqlite3"
    port = _free_port()
    env = os.environ | {
        "DATABASE_URL": database,
        "EO13_VAR_DIR": str(var),
        "DJANGO_SETTINGS_MODULE": "benchmarks.http_settings",
        "PYTHONPATH": str(ROOT),
        "EO13_BIND": f"127.0.0.1:{port}",
        "EO13_PREPARE": "1",  # migrate and load the reference data before the workers start, as `make run`
        "WEB_CONCURRENCY": "2",
        "EO13_THREADS": "2",
        "EO13_API_RATE": "100000000/m",
        "EO13_ANON_RATE": "100000000/m",
        "REQUEST_LOG_LEVEL": "WARNING",  # the log line is written either way; not to this test's output
    }
    env.pop("DATABASE_REPLICA_URL", None)
    log = (var / "server.log").open("w")
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "python:eo13.gunicorn_conf"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/readyz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the server did not start: {(var / 'server.log').read_text()[-2000:]}")
            time.sleep(0.2)
        tokens = subprocess.run(
            [sys.executable, "-c", _USERS_SCRIPT % (CLIENTS - 1)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        yield port, tokens
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
        if given.startswith("postgres"):
            _drop(given)


Request = tuple[str, str, bytes | None, list[dict[str, str]]]  # method, path, body, each client's headers


def _load(port: int, request: Request) -> tuple[float, float]:
    """CLIENTS clients for SECONDS seconds; returns (requests per second, p99 in ms). Any answer but 200 fails."""
    method, path, body, headers = request
    stop = time.monotonic() + SECONDS
    latencies: list[list[float]] = [[] for _ in range(CLIENTS)]
    errors: list[str] = []

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            while time.monotonic() < stop:
                t = time.perf_counter()
                conn.request(method, path, body=body, headers=headers[i % len(headers)])
                response = conn.getresponse()
                data = response.read()
                latencies[i].append(time.perf_counter() - t)
                if response.status != 200:
                    errors.append(f"{response.status} {data[:200]!r}")
                    return
        finally:
            conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[:3]
    done = sorted(x for per in latencies for x in per)
    return len(done) / (time.monotonic() - started), done[int(len(done) * 0.99)] * 1000


def test_decision_api_against_the_bare_view_over_http(
    server: tuple[int, list[str]], benchmark: Any, record: Any
) -> None:
    benchmark.pedantic(_measure, (server, record), rounds=1, iterations=1)  # the whole run, once; rates below


def _measure(server: tuple[int, list[str]], record: Any) -> None:
    port, tokens = server
    body = json.dumps(FACTS).encode()

    def bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}

    paths: dict[str, Request] = {
        "bare JSON view over HTTP, 8 clients": ("GET", "/bench/bare", None, [{}]),
        # The measure: every client one user at one office, so every decision takes that office's chain.
        "decision API over HTTP, 8 clients": ("POST", "/api/v1/decisions/lot-use", body, [bearer(tokens[0])]),
        # Front-line staff of eight offices: each office's chain is its own (issue 14, no global lock).
        "decision API over HTTP, 8 offices": ("POST", "/api/v1/decisions/lot-use", body, [bearer(t) for t in tokens]),
    }
    for request in paths.values():
        _load(port, request)  # warm every path in every worker
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in paths}
    for _ in range(ROUNDS):
        for name, request in paths.items():
            runs[name].append(_load(port, request))
    for name, found in runs.items():
        rate = statistics.median(r for r, _ in found)
        p99 = statistics.median(p for _, p in found)
        record(name, 1 / rate)  # seconds a request, as the other medians
        print(f"\n{name}: {rate:,.0f} req/s, p99 {p99:.1f} ms")
