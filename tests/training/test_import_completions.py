"""eo13 import-completions (INTERFACES §5; EO 13 §2(2)): all or nothing, line numbers, re-import in place."""

import datetime as dt
import hashlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command, load_command_class

from eo13 import clock
from eo13.audit.models import AuditEntry
from eo13.training.models import Completion
from tests.training.conftest import COMPLETION_HEADER, ROSTER_HEADER, csv_bytes, roster_row

pytestmark = pytest.mark.django_db


@pytest.fixture
def roster(tmp_path, course):
    path = tmp_path / "roster.csv"
    path.write_bytes(csv_bytes(ROSTER_HEADER, [roster_row("E-1"), roster_row("E-2", "Demo Worker Beta")]))
    call_command("import-roster", str(path), stdout=StringIO())
    return course


def _run(tmp_path: Path, rows: list[list[str]], header=None) -> tuple[int, str, str, Path]:
    path = tmp_path / "completions.csv"
    path.write_bytes(csv_bytes(header or COMPLETION_HEADER, rows))
    out, err = StringIO(), StringIO()
    try:
        call_command("import-completions", str(path), stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue(), path
    return 0, out.getvalue(), err.getvalue(), path


TOMORROW = (clock.today() + dt.timedelta(days=1)).isoformat()
GOOD = ["ACS", "E-1", "EO13-V1", "2026-11-20"]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (["ACS", "E-404", "EO13-V1", "2026-11-20"], "staff id is not on ACS's roster"),
        (["DOC", "E-2", "EO13-V1", "2026-11-20"], "staff id is not on DOC's roster"),
        (["ACS", "E-2", "NO-SUCH", "2026-11-20"], "ACS has no course with this code"),
        (["ACS", "E-2", "EO13-V1", TOMORROW], "Completion date is in the future"),
        (
            ["ACS", "E-2", "EO13-V1", "2026-01-31"],
            "Completion date is before the order was issued on 2026-02-06 (EO 13 §9)",
        ),
        (["ACS", "E-2", "EO13-V1", "11/20/2026"], "Completion date must be a date like 2026-11-20"),
        (["ACS", "078-05-1120", "EO13-V1", "2026-11-20"], "Staff id looks like a Social Security number"),
        (["ACS", "E-1", "EO13-V1", "2026-11-21"], "the same person and course repeat line 2"),
        (["ZZZ", "E-2", "EO13-V1", "2026-11-20"], "agency is not a known agency code (INTERFACES §4)"),
    ],
)
def test_a_bad_row_changes_nothing_and_names_its_line(tmp_path, roster, row, reason, monkeypatch):
    audit_before = AuditEntry.objects.count()
    code, out, err, _ = _run(tmp_path, [GOOD, row])
    assert code == 2 and out == ""
    assert err.splitlines()[0].startswith(f"line 3: {reason}"), err
    assert not Completion.objects.exists()
    assert AuditEntry.objects.count() == audit_before


def test_import_then_reimport_updates_the_date_in_place(tmp_path, roster):
    code, out, _, path = _run(tmp_path, [GOOD, ["ACS", "E-2", "EO13-V1", "2026-11-01"]])
    assert code == 0 and out.strip() == "Imported completions: 2 new, 0 updated, 0 unchanged."
    entry = AuditEntry.objects.filter(action="training.completions_import").get()
    assert entry.changes["file_sha256"]["new"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.actor_username == "import-completions"

    code, out, _, _ = _run(tmp_path, [GOOD, ["acs", "E-2", "EO13-V1", "2026-11-02"]])
    assert code == 0 and "0 new, 1 updated, 1 unchanged" in out
    assert Completion.objects.count() == 2
    assert str(Completion.objects.get(person__staff_id="E-2").completed_on) == "2026-11-02"


def test_the_canary_file_is_refused_without_repeating_it(tmp_path, roster):
    command = load_command_class("eo13.training", "import-completions")
    path = command.canary_file("name: Zyqx Quorvton, SSN 078-05-1199", tmp_path)
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exc:
        call_command("import-completions", str(path), stdout=out, stderr=err)
    assert exc.value.code == 2
    assert "Quorvton" not in err.getvalue() and "078-05-1199" not in err.getvalue()
    assert not Completion.objects.exists()
