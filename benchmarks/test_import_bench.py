"""`make bench` for issue 14: the roster import of 350,000 people against PostgreSQL's ``COPY`` of the same rows,
on the same run (goal: ≤ 3×, streamed under 400 MB). A re-import with nothing changed is timed beside them.

PostgreSQL only: ``COPY`` is the limit. On SQLite a 20,000-person file runs, so the import is still exercised.
Each side runs once (rounds=1): the big file takes seconds. All data is fictional (benchmarks.roster_sample).
"""

import pytest
from django.db import connection, transaction

from benchmarks import roster_sample
from eo13.agencies.models import Agency
from eo13.training.importers import import_roster
from eo13.training.models import RosterPerson

pytestmark = [pytest.mark.bench, pytest.mark.django_db]
ONCE = {"rounds": 1, "iterations": 1}


def _people() -> int:
    return 350_000 if connection.vendor == "postgresql" else 20_000


@pytest.fixture(scope="module")
def roster_file() -> bytes:
    return roster_sample.to_csv(roster_sample.rows(_people()))


def _rolled_back(work):
    def run():
        with transaction.atomic():
            result = work()
            transaction.set_rollback(True)  # each side starts from an empty roster
        return result

    return run


def test_roster_import(benchmark, medians, roster_file):
    report = benchmark.pedantic(_rolled_back(lambda: import_roster(roster_file, actor="bench")), **ONCE)
    assert report.ok and report.created == _people()
    medians("roster import", benchmark)


def test_roster_reimport_nothing_changed(benchmark, medians, roster_file):
    def run():
        with transaction.atomic():
            assert import_roster(roster_file, actor="bench").ok
            report = benchmark.pedantic(import_roster, (roster_file,), {"actor": "bench"}, **ONCE)
            transaction.set_rollback(True)
        return report

    report = run()
    assert report.ok and report.unchanged == _people()
    medians("roster re-import, nothing changed", benchmark)


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="COPY is PostgreSQL's")
def test_roster_copy_limit(benchmark, medians, roster_file):
    """The limit: the same people, already parsed, sent by ``COPY`` into the same table."""
    agencies = dict(Agency.objects.values_list("code", "id"))
    text = roster_file.decode().splitlines()[1:]
    rows = []
    for line in text:
        agency, staff_id, name, email, group, flag = line.split(",")
        rows.append((agencies[agency], staff_id, name, email, group, flag == "yes", True, 1))
    table = RosterPerson._meta.db_table
    columns = "agency_id, staff_id, display_name, work_email, role_group, public_facing, active, version"

    def copy():
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(f"COPY {table} ({columns}, created_at, updated_at) FROM STDIN") as stream,
        ):
            for row in rows:
                stream.write_row((*row, "2026-11-30T12:00:00Z", "2026-11-30T12:00:00Z"))
        return RosterPerson.objects.count()

    assert benchmark.pedantic(_rolled_back(copy), **ONCE) == len(rows)
    medians("roster COPY", benchmark)
