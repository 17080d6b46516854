"""`make bench` for issue 14: `make run` on a fresh SQLite database, to its first answer (goal: ≤ 8 s).
scripts/first-answer.sh starts scripts/serve.sh on a free port with an empty var folder and waits for GET /en/."""

import re
import subprocess
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bench]
ROOT = Path(__file__).resolve().parents[1]


def test_make_run_to_first_answer(benchmark, medians):
    def run() -> str:
        return subprocess.run(
            ["bash", "scripts/first-answer.sh"], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300
        ).stdout

    out = benchmark.pedantic(run, rounds=3, iterations=1)
    assert re.search(r"to first answer: [\d.]+ s wall", out), out
    benchmark.extra_info["last run"] = out.strip()
    medians("make run to first answer", benchmark)
