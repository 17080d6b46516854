"""Restart PostgreSQL under a running app server: /healthz answers 503 (quickly) while it is away and 200 again
within 10 s of its return, with no restart of the app (issue 14). The PostgreSQL here is a throwaway cluster of
the test's own on another port, never the machine's shared one."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.faults.conftest import BIN, ROOT, get, wait_for

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(*args: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True, capture_output=True, timeout=120)


@pytest.fixture
def throwaway_postgres() -> Iterator[tuple[int, Path]]:
    if not (PG_BIN / "initdb").exists():
        pytest.skip("PostgreSQL 15 server binaries are not installed")
    data = Path(tempfile.mkdtemp(prefix="eo13-faults-pg-", dir="/tmp"))
    shutil.chown(data, "postgres", "postgres")
    port = free_port()
    as_postgres(str(PG_BIN / "initdb"), "-D", str(data / "db"), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    try:
        yield port, data
    finally:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(data / "db"),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(data, ignore_errors=True)


def pg_ctl(data: Path, port: int, action: str) -> None:
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1"
    as_postgres(
        str(PG_BIN / "pg_ctl"),
        "-D",
        str(data / "db"),
        "-o",
        options,
        "-l",
        str(data / "log"),
        "-w",
        "-m",
        "fast",
        action,
    )


def test_healthz_is_503_while_postgres_is_away_and_recovers_by_itself(throwaway_postgres, tmp_path: Path) -> None:
    pg_port, data = throwaway_postgres
    pg_ctl(data, pg_port, "start")
    app_port = free_port()
    env = dict(
        os.environ,
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{pg_port}/postgres",
        DB_POOL_MAX_SIZE="4",
        EO13_BIND=f"127.0.0.1:{app_port}",
        WEB_CONCURRENCY="1",
        EO13_THREADS="4",
        EO13_VAR_DIR=str(tmp_path),
    )
    env.pop("EO13_PREPARE", None)
    app = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "python:eo13.gunicorn_conf"],
        env=env,
        cwd=ROOT,
        stdout=open(tmp_path / "app.log", "wb"),  # noqa: SIM115
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{app_port}/healthz"
    try:
        assert wait_for(lambda: get(url, timeout=5)[0] == 200, 120), (tmp_path / "app.log").read_text()[-2000:]

        pg_ctl(data, pg_port, "stop")
        during = []
        for _ in range(3):
            start = time.monotonic()
            status, _ = get(url, timeout=15)
            during.append((status, time.monotonic() - start))
        assert all(status == 503 for status, _ in during), during
        assert all(seconds < 10 for _, seconds in during), f"/healthz hung while the database was away: {during}"

        pg_ctl(data, pg_port, "start")
        back = time.monotonic()
        assert wait_for(lambda: get(url, timeout=5)[0] == 200, 10, every=0.1), "not recovered within 10 s"
        recovered = time.monotonic() - back
        print(f"/healthz 503 during the outage ({during}); 200 again {recovered:.1f} s after PostgreSQL returned")
        assert app.poll() is None, "the app server had to restart"
    finally:
        app.terminate()
        app.wait(timeout=30)
