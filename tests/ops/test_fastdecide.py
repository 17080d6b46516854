"""`eo13 decide` answers plain facts without starting Django, with the same output and errors as the management
command; facts naming a registry id still go to the database (issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.law.facts_builders import lot_use

CLI = [sys.executable, "-c", "from eo13.cli import main; main()"]
COMMAND = [
    sys.executable,
    "-c",
    "import django, sys; django.setup(); from django.core.management import call_command; "
    "call_command('decide', *sys.argv[1:])",
]


def _run(cmd: list[str], args: list[str], stdin: str, tmp_path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="eo13.settings", EO13_VAR_DIR=str(tmp_path))
    return subprocess.run([*cmd, *args], input=stdin, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    "args, facts",
    [
        (["lot-use"], json.dumps(lot_use())),
        (["lot-use", "--partial"], json.dumps([lot_use(), {"use": "staging_area"}])),
        (["lot-use"], "{not json"),
        (["no-such-kind"], "{}"),
        (["lot-use"], json.dumps(lot_use(use="no-such-use"))),
    ],
)
def test_fast_path_answers_like_the_command(args, facts, tmp_path):
    fast = _run(CLI, ["decide", *args], facts, tmp_path)
    slow = _run(COMMAND, args, facts, tmp_path)
    assert (fast.returncode, fast.stdout.strip(), fast.stderr.strip()) == (
        slow.returncode,
        slow.stdout.strip(),
        slow.stderr.strip(),
    )


def test_a_registry_id_still_needs_the_database(tmp_path):
    facts = lot_use(property_id="1000010001")
    del facts["property"]
    out = _run(CLI, ["decide", "lot-use"], json.dumps(facts), tmp_path)  # an empty var folder: no tables
    assert out.returncode == 2
    assert json.loads(out.stderr)["field"] == "property_id"
