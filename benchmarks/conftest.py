# The audit-log guards and reference-data reload that transactional tests need (see tests/conftest.py).
from typing import Any

import pytest
from tests.conftest import _audit_guards, _second_factor_off  # noqa: F401

# Issue 14: each hot path is printed beside its limit measured on the same run. A benchmark stores its median
# under a name with `medians`; the summary prints every pair below whose two sides both ran.
# "time" pairs print how many times longer the path takes; "speed" pairs print its requests per second as a share of
# the limit's.
RATIOS = [
    ("board page", "board raw SQL", "time", "goal: ≤ 2"),
    ("board selector", "board raw SQL", "time", "the selector alone"),
    ("public home /en/", "bare JSON view", "speed", "goal: ≥ 0.8"),
    ("public rights /es/rights/", "bare JSON view", "speed", "kept since issue 6"),
    ("roster import", "roster COPY", "time", "goal: ≤ 3; 350,000 people on PostgreSQL"),
    ("roster re-import, nothing changed", "roster COPY", "time", "the same file again"),
    ("COLP command, fresh", "COLP write limit", "time", "goal: the command in ≤ 2 s, start-up included"),
    ("COLP command, again", "COLP write limit", "time", "the same file again"),
]
_MEDIANS: dict[str, float] = {}


@pytest.fixture
def medians() -> Any:
    def keep(name: str, benchmark: Any) -> None:
        if benchmark.stats is not None:  # None under --benchmark-skip / --benchmark-disable
            _MEDIANS[name] = benchmark.stats.stats.median

    return keep


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines = []
    for what, limit, kind, goal in RATIOS:
        if what in _MEDIANS and limit in _MEDIANS:
            a, b = _MEDIANS[what] * 1000, _MEDIANS[limit] * 1000
            ratio = a / b if kind == "time" else b / a
            lines.append(f"{what}: {a:.2f} ms; {limit}: {b:.2f} ms; {kind} ratio {ratio:.2f} ({goal})")
    if lines:
        terminalreporter.section("EO13 ratios (median against the limit on the same run)")
        for line in lines:
            terminalreporter.write_line(line)
