"""eo13 import-roster (INTERFACES §5; EO 13 §2(2)): all or nothing, line numbers, re-import in place."""

import hashlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from eo13.audit.models import AuditEntry
from eo13.training.importers import import_roster
from eo13.training.models import RosterPerson
from tests.training.conftest import ROSTER_HEADER, csv_bytes, roster_row

pytestmark = pytest.mark.django_db

GOOD = roster_row("E-1001", "Demo Officer Alpha")


def _run(path: Path) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import-roster", str(path), stdout=out, stderr=err)
    except SystemExit as exc:
        return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def _state() -> tuple[list[tuple[object, ...]], int]:
    return list(RosterPerson.objects.values_list("staff_id", "display_name", "active", "version")), (
        AuditEntry.objects.count()
    )


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (roster_row("E-2", agency="XYZ"), "agency is not a known agency code"),
        (roster_row(""), "Staff id is required"),
        (roster_row("078-05-1120"), "looks like a Social Security number"),
        (roster_row("078051120"), "looks like a Social Security number"),
        (roster_row("SSN 078 05 1120"), "looks like a Social Security number"),
        (roster_row("E 2; DROP"), "Staff id may use letters"),
        (roster_row("E-2", ""), "Name is required"),
        (roster_row("E-2", role_group="manager"), "Role group must be one of"),
        (roster_row("E-2", email="not-an-email"), "not a valid e-mail"),
        (roster_row("E-2", public_facing="sometimes"), "Use yes or no"),
        (roster_row("E-1001"), "staff id repeats line 2"),
        ([*roster_row("E-2"), "extra"], "more fields than the header"),
    ],
)
def test_a_bad_row_changes_nothing_and_names_its_line(tmp_path, row, reason):
    call_command("import-roster", str(_file(tmp_path, [roster_row("E-0001")], "seed.csv")), stdout=StringIO())
    before = _state()
    code, out, err = _run(_file(tmp_path, [GOOD, row]))
    assert code == 2
    assert out == ""
    first = err.splitlines()[0]
    assert first.startswith("line 3: ") and reason in first, err
    assert "nothing was imported" in err
    assert _state() == before  # not even E-1001 from line 2, and E-0001 is still active


def _file(tmp_path: Path, rows: list[list[str]], name: str = "roster.csv", header=None) -> Path:
    path = tmp_path / name
    path.write_bytes(csv_bytes(header or ROSTER_HEADER, rows))
    return path


def test_each_bad_row_is_reported_and_the_value_is_never_repeated(tmp_path):
    path = _file(tmp_path, [roster_row("078-05-1120"), GOOD, roster_row("E-9", role_group="boss")])
    code, _, err = _run(path)
    assert code == 2
    assert [line.split(":")[0] for line in err.splitlines()[:2]] == ["line 2", "line 4"]
    assert "078-05-1120" not in err and "boss" not in err
    assert not RosterPerson.objects.exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"agency,staff_id,name\nACS,E-1,Demo\n", "line 1: missing columns: role_group"),
        (b"agency,staff_id,name,role_group,shoe_size\n", "line 1: 1 unknown column(s)"),
        (b"agency,staff_id,name,role_group\n", "line 1: the file has no rows"),
        ("agency,staff_id,name,role_group\nACS,E-1,Démo,employee\n".encode("latin-1"), "line 1: the file is not UTF-8"),
    ],
)
def test_a_bad_file_is_refused_whole(tmp_path, content, reason):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, _, err = _run(path)
    assert code == 2 and err.startswith(reason), err
    assert not RosterPerson.objects.exists() and not AuditEntry.objects.exists()


def test_a_missing_file_exits_2(tmp_path):
    code, _, err = _run(tmp_path / "nope.csv")
    assert code == 2 and "cannot read" in err


def test_import_then_reimport_updates_in_place_and_deactivates_the_missing(tmp_path):
    first = [
        roster_row("E-1", "Demo Officer Alpha", role_group="officer", public_facing="yes"),
        roster_row("E-2", "Demo Worker Beta", email="Beta@Example.nyc.test"),
        roster_row("E-3", "Demo Contractor Gamma", role_group="contractor"),
        roster_row("D-1", "Demo Officer Delta", agency="DOC"),
    ]
    code, out, _ = _run(_file(tmp_path, first))
    assert code == 0
    assert out.strip() == "Imported roster: 4 new, 0 updated, 0 unchanged."
    beta = RosterPerson.objects.get(staff_id="E-2")
    assert beta.work_email == "beta@example.nyc.test" and not beta.public_facing
    assert RosterPerson.objects.get(staff_id="E-1").public_facing

    # ACS again: Beta renamed, Gamma gone, a newcomer. DOC is not in the file and stays as it was.
    second = [
        roster_row("E-1", "Demo Officer Alpha", role_group="officer", public_facing="yes"),
        roster_row("E-2", "Demo Worker Beta-Renamed", email="Beta@Example.nyc.test"),
        roster_row("E-4", "Demo Worker Epsilon", role_group="subcontractor"),
    ]
    code, out, _ = _run(_file(tmp_path, second, "again.csv"))
    assert code == 0
    assert "1 new, 1 updated, 1 unchanged" in out
    assert "1 people no longer listed were marked inactive (ACS 1)" in out
    people = {p.staff_id: p for p in RosterPerson.objects.all()}
    assert len(people) == 5  # updated in place, nobody duplicated
    assert people["E-2"].display_name == "Demo Worker Beta-Renamed" and people["E-2"].version == 2
    assert not people["E-3"].active and people["E-3"].version == 2
    assert people["E-1"].version == 1
    assert people["D-1"].active

    # Gamma returns: active again.
    code, out, _ = _run(_file(tmp_path, [*second, roster_row("E-3", "Demo Contractor Gamma", role_group="contractor")]))
    assert code == 0 and "1 updated" in out
    assert RosterPerson.objects.get(staff_id="E-3").active


def test_one_audit_entry_per_import_with_counts_and_file_hash(tmp_path):
    path = _file(tmp_path, [roster_row("E-1"), roster_row("E-2", "Demo Worker Beta")])
    _run(path)
    entry = AuditEntry.objects.get()
    assert entry.action == "training.roster_import"
    assert entry.actor_username == "import-roster"
    assert entry.agency_code == "ACS"
    assert entry.changes["file_sha256"]["new"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry.changes["created"]["new"] == 2 and entry.changes["deactivated"]["new"] == {}


def test_names_are_scrubbed_and_the_output_says_so(tmp_path):
    code, out, _ = _run(_file(tmp_path, [roster_row("E-1", "Demo Alpha, SSN 078-05-1120, phone 212-555-0199")]))
    assert code == 0 and "removed from 1 name" in out
    name = RosterPerson.objects.get().display_name
    assert "078-05-1120" not in name and "212-555-0199" not in name and name.startswith("Demo Alpha")


def test_no_progress_bar_when_not_on_a_terminal(tmp_path):
    _, out, err = _run(_file(tmp_path, [roster_row("E-1")]))
    assert "checking rows" not in out + err and "it/s" not in out + err


def test_the_canary_file_is_valid_and_leaves_no_identifier(tmp_path):
    from django.core.management import load_command_class

    command = load_command_class("eo13.training", "import-roster")
    # The name column is the employee's own name: it stays; every other identifier typed beside it goes.
    assert command.canary_field == "display_name"
    text = "Zyqx Quorvton, SSN 078-05-1199, phone 212-555-0142, email zyqx.canary@example.test"
    path = command.canary_file(text, tmp_path)
    code, _, err = _run(path)
    assert code == 0, err
    stored = RosterPerson.objects.get().display_name
    assert stored.startswith("Zyqx Quorvton")
    for token in ("078-05-1199", "212-555-0142", "zyqx.canary@example.test"):
        assert token not in stored


def test_the_importer_used_by_a_lead_refuses_another_agencys_rows(make_user):
    lead = make_user("agency_lead", "ACS")
    report = import_roster(csv_bytes(ROSTER_HEADER, [roster_row("E-1"), roster_row("D-1", agency="DOC")]), actor=lead)
    assert report.errors == [(3, "you may not change DOC's training records")]
    assert not RosterPerson.objects.exists()


def test_the_row_bound_is_named_and_nothing_is_imported(tmp_path, monkeypatch):
    from eo13.training import importers

    monkeypatch.setattr(importers, "MAX_ROWS", 2)
    code, _, err = _run(_file(tmp_path, [roster_row("E-1"), roster_row("E-2"), roster_row("E-3")]))
    assert code == 2 and err.startswith("line 4: the file has more than 2 rows"), err
    assert not RosterPerson.objects.exists()
