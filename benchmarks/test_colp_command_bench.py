"""`make bench` for issue 14: `eo13 import-properties FILE` with 17,000 parcels, run as a user runs it (a new process,
start-up included), fresh and again, beside the limit on the same run: the same rows written by PostgreSQL's ``COPY``
or SQLite's ``executemany`` in process. Goal: the command in ≤ 2 s on both databases.

The command writes to a database it can open: on PostgreSQL the test database (the test commits, and is flushed
after); on SQLite a file database migrated once for this module. All data is fictional (eo13.access.sample)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from eo13.access.colp_rows import check_row, row_values
from eo13.access.importers import USED
from eo13.access.models import CityProperty
from eo13.access.sample import generate_rows, to_csv

pytestmark = [pytest.mark.bench, pytest.mark.django_db(transaction=True)]
PARCELS = 17_000
EO13 = Path(sys.executable).with_name("eo13")


@pytest.fixture(scope="module")
def colp_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("colp") / "colp.csv"
    path.write_text(to_csv(generate_rows(PARCELS, seed=17)))
    return path


@pytest.fixture(scope="module")
def sqlite_dir(tmp_path_factory) -> Path | None:
    """A migrated SQLite file for the command (the test database lives in memory); None on PostgreSQL."""
    if connection.vendor != "sqlite":
        return None
    var = tmp_path_factory.mktemp("var")
    env = {**os.environ, "EO13_VAR_DIR": str(var)}
    env.pop("DATABASE_URL", None)
    subprocess.run([EO13, "migrate", "-v0"], env=env, check=True, timeout=300)
    return var


def _env(sqlite_dir: Path | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as `make` runs it
    if sqlite_dir is not None:
        env["EO13_VAR_DIR"] = str(sqlite_dir)
        env.pop("DATABASE_URL", None)
        return env
    s = connection.settings_dict
    env["DATABASE_URL"] = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    return env


def _empty(sqlite_dir: Path | None) -> None:
    if sqlite_dir is None:
        CityProperty.objects.all().delete()
        return
    with sqlite3.connect(sqlite_dir / "eo13.sqlite3") as db:
        db.execute(f"DELETE FROM {CityProperty._meta.db_table}")  # noqa: S608


def _command(colp_file: Path, env: dict[str, str]) -> str:
    done = subprocess.run([EO13, "import-properties", str(colp_file)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_colp_command_fresh(benchmark, medians, colp_file, sqlite_dir):
    env = _env(sqlite_dir)
    _command(colp_file, env)  # once, so the bytecode is written as after `make setup`
    out = benchmark.pedantic(_command, (colp_file, env), setup=lambda: _empty(sqlite_dir), rounds=3, iterations=1)
    assert f"Imported {PARCELS} new" in out
    medians("COLP command, fresh", benchmark)


def test_colp_command_again(benchmark, medians, colp_file, sqlite_dir):
    env = _env(sqlite_dir)
    _command(colp_file, env)
    out = benchmark.pedantic(_command, (colp_file, env), rounds=3, iterations=1)
    assert f"updated {PARCELS} existing" in out
    medians("COLP command, again", benchmark)


def test_colp_write_limit(benchmark, medians, colp_file, sqlite_dir):
    """The limit: the same rows, already parsed and checked, written in one go (COPY or executemany)."""
    import csv

    agencies: dict[str, int] = {}
    rows = []
    for raw in csv.DictReader(colp_file.open(newline="")):
        g = {k: (raw.get(k) or "").strip() for k in USED}
        assert check_row(g) is None
        rows.append(tuple(row_values(g, agencies).values()))
    names = list(row_values(g, agencies))
    columns = ", ".join([*(str(CityProperty._meta.get_field(n).column) for n in names), "updated_at"])
    table = CityProperty._meta.db_table
    now = "2026-11-30 12:00:00"

    if sqlite_dir is None:

        def write():
            with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row((*row, now))

    else:
        marks = ", ".join(["?"] * (len(names) + 1))

        def write():
            with sqlite3.connect(sqlite_dir / "eo13.sqlite3") as db:
                db.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", [(*r, now) for r in rows])  # noqa: S608

    benchmark.pedantic(write, setup=lambda: _empty(sqlite_dir), rounds=3, iterations=1)
    medians("COLP write limit", benchmark)
    _empty(sqlite_dir)
