"""The Pydantic-free reader (law/facts_fast.py) reads facts exactly as the models do, or leaves them to the models.

Issue 14: `eo13 decide` and the API read well-formed facts without Pydantic. If the two readers ever disagreed, a
decision would differ with the path taken; these tests tie the fast reader's fields to the models' and compare the
two on every golden request and on generated ones."""

import gzip
import json
import typing
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eo13.law import facts as models
from eo13.law.decide import decide
from eo13.law.facts_fast import MODELS, Model, Slow, read_fast
from eo13.law.facts_read import read_facts
from tests.law.facts_builders import lot_use, property_access
from tests.law.golden.generate import CORPUS


def _nullable(annotation):
    return type(None) in typing.get_args(annotation)  # X | None, Optional[Annotated[X, ...]]


def _pairs():
    out = []
    seen = set()

    def walk(model, fast):
        if model in seen:
            return
        seen.add(model)
        out.append((model, fast))
        for f in fast.fields:
            if f.model is not None:
                inner = typing.get_args(model.model_fields[f.name].annotation) or (
                    model.model_fields[f.name].annotation,
                )
                sub = next(a for a in inner if isinstance(a, type) and issubclass(a, models.Facts))
                walk(sub, f.model)

    for kind, model in models.MODELS.items():
        walk(model, MODELS[kind])
    return out


@pytest.mark.parametrize("model, fast", _pairs(), ids=lambda v: getattr(v, "__name__", ""))
def test_the_fast_reader_has_the_models_fields_in_their_order(model, fast: Model):
    assert [f.name for f in fast.fields] == list(model.model_fields)
    assert fast.one_of == model.one_of
    for f in fast.fields:
        assert f.need == model.need(f.name), f.name
        assert f.nullable == _nullable(model.model_fields[f.name].annotation), f.name


def _same(kind, raw, partial):
    """Either both readers give the same facts, or the fast one stands aside (Slow)."""
    try:
        fast = read_fast(kind, raw, partial)
    except Slow:
        return "slow"
    slow = read_facts(kind, raw, partial=partial)
    assert (fast.facts, fast.unknown) == (slow.facts, slow.unknown)
    assert [type(v) for v in fast.facts.values()] == [type(v) for v in slow.facts.values()]
    return "fast"


def test_every_golden_request_is_read_alike():
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        cases = [json.loads(text) for text in f]
    paths = {"fast": 0, "slow": 0}
    for case in cases:
        items = case["raw"] if case["batch"] and isinstance(case["raw"], list) else [case["raw"]]
        for raw in items:
            if case["kind"] in MODELS:
                paths[_same(case["kind"], raw, case["partial"])] += 1
    # Most well-formed facts take the fast path; broken ones never do (they would raise above otherwise).
    assert paths["fast"] > 4000 and paths["slow"] > 1000


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(["", " x ", "federal", "parking_lot", "2026-03-01"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["kind", "employer", "x"]), inner),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([("lot-use", lot_use()), ("property-access", property_access())]), st.data(), st.booleans())
def test_generated_facts_are_read_alike(case, data, partial):
    kind, facts = case
    facts = json.loads(json.dumps(facts))
    key = data.draw(st.sampled_from([*facts, "property_id", "immigration_enforcement", "warrant", "exceptions"]))
    if data.draw(st.booleans()):
        facts.pop(key, None)
    else:
        facts[key] = data.draw(json_values)
    if isinstance(facts.get("property"), dict) and data.draw(st.booleans()):
        facts["property"]["city_governmental_purpose"] = data.draw(json_values)
    _same(kind, facts, partial)


def test_a_decision_read_either_way_is_the_same():
    facts = lot_use(exceptions=["exigent_circumstances", "judicial_warrant", "exigent_circumstances"])
    fast = decide("lot-use", facts, today=date(2026, 3, 1)).as_dict()
    facts["exceptions"] = tuple(facts["exceptions"])  # not a JSON list: the models read it
    with pytest.raises(Slow):
        read_fast("lot-use", facts, False)
    assert decide("lot-use", facts, today=date(2026, 3, 1)).as_dict() == fast
