# The audit-log guards and reference-data reload that transactional tests need (see tests/conftest.py).
from typing import Any

import pytest
from tests.conftest import _audit_guards, _second_factor_off  # noqa: F401

# Issue 14: each hot path is printed beside its limit measured on the same run. A benchmark stores its median
# under a name with `medians`; the summary prints every pair below whose two sides both ran.
# "time" pairs print how many times longer the path takes; "speed" pairs print its requests per second as a share of
# the limit's.
RATIOS = [
    ("board page", "board raw SQL", "time", "goal: ≤ 2; nothing changed since the last view"),
    ("board page, first view after a change", "board raw SQL", "time", "goal: ≤ 2; the changed office counted again"),
    ("board selector", "board raw SQL", "time", "every office counted, as after an event changes or a restore"),
    ("public home /en/", "bare JSON view", "speed", "goal: ≥ 0.8"),
    ("public rights /es/rights/", "bare JSON view", "speed", "kept since issue 6"),
    # Issue 14: the engine against the outcome as a plain function (goal: ≥ 100,000 lot-use decisions a second).
    ("lot-use permitted", "lot-use as a plain function", "time", "goal: ≤ 10 µs a decision"),
    ("lot-use not_permitted", "lot-use as a plain function", "time", "goal: ≤ 10 µs a decision"),
    ("lot-use not_covered", "lot-use as a plain function", "time", "goal: ≤ 10 µs a decision"),
    ("lot-use unknown", "lot-use as a plain function", "time", "goal: ≤ 10 µs a decision"),
    ("lot-use partial (4 combinations)", "lot-use as a plain function", "time", "partial, one fact missing"),
    ("lot-use partial (48 combinations)", "lot-use as a plain function", "time", "partial, most facts missing"),
    ("eo13 decide, 20,000 decisions", "eo13 decide, 1 decision", "time", "goal: 20,000 in start-up + 0.8 s"),
    ("decision API in process", "bare JSON view in process (access)", "speed", "goal: ≥ 0.5"),
    ("decision API over HTTP, 8 clients", "bare JSON view over HTTP, 8 clients", "speed", "the issue's measure: 0.05"),
    ("decision API over HTTP, 8 offices", "bare JSON view over HTTP, 8 clients", "speed", "eight offices' chains"),
    ("roster import", "roster COPY", "time", "goal: ≤ 3; 350,000 people on PostgreSQL"),
    ("roster re-import, nothing changed", "roster COPY", "time", "the same file again"),
    ("COLP command, fresh", "COLP write limit", "time", "goal: the command in ≤ 2 s, start-up included"),
    ("COLP command, again", "COLP write limit", "time", "the same file again"),
]
# Paths with a goal in seconds rather than a limit to compare with.
ABSOLUTE = [("make run to first answer", "goal: ≤ 8 s on a fresh SQLite database")]
_MEDIANS: dict[str, float] = {}


@pytest.fixture(autouse=True)
def _sign_in_listeners_stopped() -> Any:
    """Benchmarks measure with remembered API tokens, as production runs; each one's listening connection is closed
    after it, so the test database can be dropped at the end (eo13.accounts.token_cache)."""
    yield
    from eo13.accounts import token_cache

    token_cache.stop_all()


@pytest.fixture
def medians() -> Any:
    def keep(name: str, benchmark: Any) -> None:
        if benchmark.stats is not None:  # None under --benchmark-skip / --benchmark-disable
            _MEDIANS[name] = benchmark.stats.stats.median

    return keep


@pytest.fixture
def record() -> Any:
    """Keep a median measured by hand (seconds), for paths pytest-benchmark does not time itself (HTTP load)."""

    def keep(name: str, seconds: float) -> None:
        _MEDIANS[name] = seconds

    return keep


def pytest_terminal_summary(terminalreporter: Any) -> None:
    lines = []
    for what, limit, kind, goal in RATIOS:
        if what in _MEDIANS and limit in _MEDIANS:
            a, b = _MEDIANS[what] * 1000, _MEDIANS[limit] * 1000
            ratio = a / b if kind == "time" else b / a
            per_second = f" ({1000 / a:,.0f}/s)" if a < 1 else ""  # in-process decisions: say the rate too
            lines.append(f"{what}: {a:.4g} ms{per_second}; {limit}: {b:.4g} ms; {kind} ratio {ratio:.2f} ({goal})")
    for what, goal in ABSOLUTE:
        if what in _MEDIANS:
            lines.append(f"{what}: {_MEDIANS[what]:.2f} s ({goal})")
    if lines:
        terminalreporter.section("EO13 ratios (median against the limit on the same run)")
        for line in lines:
            terminalreporter.write_line(line)
