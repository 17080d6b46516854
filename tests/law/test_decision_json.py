"""`eo13 decide` prints decisions with law/decision_json.py: the same bytes as json.dumps(indent=2) of as_dict()
(INTERFACES §1), for every golden decision, alone and in batches, and for odd values it does not handle itself."""

import gzip
import json
from datetime import date

from eo13.law.decide import decide, decide_batch
from eo13.law.decision_json import decisions_json
from eo13.law.engine import Decision, Reason
from eo13.law.facts import FactsError
from tests.law.golden.generate import CORPUS, StandInRegistry


def _dumps(value):
    plain = [d.as_dict() for d in value] if isinstance(value, list) else value.as_dict()
    return json.dumps(plain, indent=2, ensure_ascii=False)


def test_every_golden_decision_is_written_as_json_dumps_writes_it():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        cases = [json.loads(text) for text in f]
    written = 0
    for case in cases:
        run = decide_batch if case["batch"] else decide
        registry = StandInRegistry() if case["registry"] else None
        try:
            value = run(
                case["kind"],
                case["raw"],
                today=date.fromisoformat(case["today"]),
                partial=case["partial"],
                registry=registry,
            )
        except (FactsError, AttributeError, TypeError):
            continue
        assert decisions_json(value) == _dumps(value)
        written += 1
    assert written > 4000


def test_values_it_does_not_write_itself_go_to_json_dumps():
    odd = Decision("lot-use", "permitted", [Reason("x", 'ü "quoted"\n', "EO 13 §3")], [], [], None, None)
    odd.attested = [{"fact": "required_by_law", "by": 3, "basis": 1.5}]  # numbers: not in any decision today
    assert decisions_json(odd) == _dumps(odd)
    assert decisions_json([odd, odd]) == _dumps([odd, odd])
    assert decisions_json([]) == "[]"
