"""The engine answers every golden case as the engine that wrote the file did, byte for byte (issue 14): the same
decision JSON, key order included, and the same ``{error, field}`` for bad facts. See generate.py."""

import gzip
import json

import pytest

from tests.law.golden.generate import CORPUS, answer


def _cases():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        return [json.loads(text) for text in f]


CASES = _cases()


def test_the_corpus_covers_every_kind_mode_and_outcome():
    seen = {(c["kind"], c["partial"], c["out"].get("outcome", "error")) for c in CASES if not c["batch"]}
    for outcome in ("permitted", "not_permitted", "not_covered", "unknown", "error"):
        assert ("lot-use", False, outcome) in seen
    for kind in ("lot-use", "property-access", "warrant", "detainer"):
        assert (kind, True, "unknown") in seen or kind == "warrant"
        assert any(c["kind"] == kind and c["batch"] for c in CASES)


@pytest.mark.parametrize("chunk", range(8))
def test_every_golden_case_gets_the_same_answer(chunk):
    differ = []
    for case in CASES[chunk::8]:
        got = answer(case["kind"], case["raw"], case["today"], case["partial"], case["registry"], case["batch"])
        if json.dumps(got, ensure_ascii=False) != json.dumps(case["out"], ensure_ascii=False):
            differ.append(case)
    assert not differ, f"{len(differ)} answers changed; first: {json.dumps(differ[0])[:2000]}"
