"""`make bench` for issue 14, item 5: the decision engine in process, for every outcome of lot-use and for partial
requests, beside the outcome as a plain function (the limit: no reading, no reasons), and `eo13 decide` from the
command line for one decision and for a batch of 20,000. Goals: ≥ 100,000 lot-use decisions a second in process;
one CLI decision under 0.5 s; a 20,000 batch at ≥ 25,000 decisions a second beyond start-up."""

import json
import os
import random
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from tests.law.facts_builders import lot_use

from eo13.law.decide import decide

pytestmark = [pytest.mark.bench]
TODAY = date(2026, 3, 1)
OUTCOMES = {
    "permitted": lot_use(exceptions=["exigent_circumstances"]),
    "not_permitted": lot_use(),
    "not_covered": lot_use(personnel={"employer": "city", "enforces_laws": True}),
    "unknown": lot_use(exceptions=["exigent_circumstances"], immigration_enforcement=True),
}
PARTIAL = {"personnel": {"employer": "federal", "enforces_laws": True}}


def outcome_as_a_plain_function(facts):
    """The same answers for the same facts with nothing else: no checking, no reasons, no steps, no citations."""
    p = facts["personnel"]
    if p["employer"] == "city" or not p["enforces_laws"]:
        return "not_covered"
    if facts.get("immigration_enforcement"):
        return "unknown"
    return "permitted" if facts["exceptions"] else "not_permitted"


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_lot_use_decision_in_process(benchmark, medians, outcome):
    facts = OUTCOMES[outcome]
    result = benchmark(decide, "lot-use", facts, today=TODAY)
    assert result.outcome == outcome
    medians(f"lot-use {outcome}", benchmark)


def test_lot_use_as_a_plain_function(benchmark, medians):
    assert [outcome_as_a_plain_function(f) for f in OUTCOMES.values()] == list(OUTCOMES)
    benchmark(outcome_as_a_plain_function, OUTCOMES["permitted"])
    medians("lot-use as a plain function", benchmark)


def test_lot_use_partial_in_process(benchmark, medians):
    result = benchmark(decide, "lot-use", PARTIAL, today=TODAY, partial=True)
    assert result.outcome == "unknown"
    medians("lot-use partial (48 combinations)", benchmark)


def test_lot_use_partial_one_fact_missing(benchmark, medians):
    facts = {k: v for k, v in OUTCOMES["permitted"].items() if k != "exceptions"}
    result = benchmark(decide, "lot-use", facts, today=TODAY, partial=True)
    assert result.outcome == "unknown" and result.missing == ["exceptions", "immigration_enforcement"]
    medians("lot-use partial (4 combinations)", benchmark)


EO13 = Path(sys.executable).with_name("eo13")


def _facts_file(tmp_path_factory, name, facts):
    path = tmp_path_factory.mktemp("engine") / name
    path.write_text(json.dumps(facts))
    return path


def _decide_cli(path):
    done = subprocess.run(
        [str(EO13), "decide", "lot-use", "--facts", str(path)],
        capture_output=True,
        check=True,
        env={**os.environ, "EO13_TEST_TODAY": ""},
    )
    return done.stdout


def batch_of(n):
    """n lot-use facts spread over every outcome (fictional)."""
    r = random.Random(14)  # noqa: S311 - fictional facts, not secrets
    return [
        lot_use(
            personnel={"employer": r.choice(["federal", "state", "city", "other"]), "enforces_laws": True},
            property={
                "kind": r.choice(["parking_lot", "garage", "building"]),
                "city_owned_or_leased": True,
                "city_operational_control": r.random() < 0.9,
            },
            exceptions=r.choice([[], ["exigent_circumstances"], ["judicial_warrant", "formal_agreement"]]),
            immigration_enforcement=r.random() < 0.3,
        )
        for _ in range(n)
    ]


def test_cli_one_decision(benchmark, medians, tmp_path_factory):
    path = _facts_file(tmp_path_factory, "one.json", OUTCOMES["permitted"])
    out = benchmark.pedantic(_decide_cli, args=(path,), rounds=7, iterations=1, warmup_rounds=1)
    assert json.loads(out)["outcome"] == "permitted"
    medians("eo13 decide, 1 decision", benchmark)


def test_cli_batch_of_20000(benchmark, medians, tmp_path_factory):
    path = _facts_file(tmp_path_factory, "batch.json", batch_of(20_000))
    one = _facts_file(tmp_path_factory, "one.json", OUTCOMES["permitted"])
    out = benchmark.pedantic(_decide_cli, args=(path,), rounds=3, iterations=1, warmup_rounds=1)
    assert len(json.loads(out)) == 20_000
    medians("eo13 decide, 20,000 decisions", benchmark)
    start = time.perf_counter()
    _decide_cli(one)
    startup = time.perf_counter() - start
    beyond = max(benchmark.stats.stats.median - startup, 1e-9)
    benchmark.extra_info["decisions per second beyond start-up"] = round(20_000 / beyond)
