"""Imports hold SQLite's write lock briefly: rows are read, checked and prepared before the transaction, which
only writes in bulk; all or nothing still holds (issue 9, Medium 7)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from eo13.training import importers
from eo13.training.importers import import_completions, import_roster
from eo13.training.models import Completion, RosterPerson
from tests.training.conftest import COMPLETION_HEADER, ROSTER_HEADER, csv_bytes, roster_row

pytestmark = pytest.mark.django_db

N = 1500


def _roster(suffix: str, *, skip_last: bool = False) -> bytes:
    ids = range(N - 1 if skip_last else N)
    return csv_bytes(ROSTER_HEADER, [roster_row(f"E-{i}", f"Demo Officer {suffix}") for i in ids])


def _writes(queries) -> list[str]:
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]


def test_a_large_roster_re_import_writes_in_a_few_statements_without_per_row_case(make_user):
    assert import_roster(_roster("Alpha"), actor="test").ok
    with CaptureQueriesContext(connection) as ctx:
        report = import_roster(_roster("Beta", skip_last=True), actor="test")
    assert report.ok and report.updated == N - 1 and report.deactivated == {"ACS": 1}
    writes = _writes(ctx.captured_queries)
    # bulk_update's CASE WHEN ... per row is quadratic on SQLite and held the lock for minutes.
    assert not [w for w in writes if "CASE" in w.upper()]
    assert len(writes) <= 6  # the prepared update (run for every row at once) and the audit entry
    assert RosterPerson.objects.filter(display_name="Demo Officer Beta").count() == N - 1
    assert RosterPerson.objects.get(staff_id=f"E-{N - 1}").active is False
    assert set(RosterPerson.objects.filter(active=True).values_list("version", flat=True)) == {2}


def test_a_row_changed_while_the_import_was_prepared_rolls_everything_back(monkeypatch):
    assert import_roster(_roster("Alpha"), actor="test").ok
    real_run = importers.VersionedUpdate.run

    def someone_edits_first(self):
        # Another writer changes one person after the import read the roster, before it writes.
        person = RosterPerson.objects.get(staff_id="E-7")
        RosterPerson.objects.filter(pk=person.pk).update(version=person.version + 1)
        real_run(self)

    monkeypatch.setattr(importers.VersionedUpdate, "run", someone_edits_first)
    report = import_roster(_roster("Beta"), actor="test")
    assert not report.ok and "changed while this file was being imported" in report.errors[0][1]
    assert report.updated == 0
    assert not RosterPerson.objects.filter(display_name="Demo Officer Beta").exists()


def test_completion_re_import_updates_dates_without_per_row_case(course):
    assert import_roster(_roster("Alpha"), actor="test").ok
    first = [["ACS", f"E-{i}", "EO13-V1", "2026-11-20"] for i in range(200)]
    assert import_completions(csv_bytes(COMPLETION_HEADER, first), actor="test").ok
    moved = [["ACS", f"E-{i}", "EO13-V1", "2026-11-21"] for i in range(200)]
    with CaptureQueriesContext(connection) as ctx:
        report = import_completions(csv_bytes(COMPLETION_HEADER, moved), actor="test")
    assert report.ok and report.updated == 200
    assert not [w for w in _writes(ctx.captured_queries) if "CASE" in w.upper()]
    assert set(Completion.objects.values_list("completed_on", flat=True)) == {dt.date(2026, 11, 21)}
