"""Laws of the engine, checked with generated facts (hypothesis)."""

import ast
import re
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eo13.law.decide import decide
from eo13.law.facts import AREAS, EMPLOYERS, LOT_EXCEPTIONS, PROPERTY_KINDS, REQUESTERS, USES

TODAY = date(2026, 3, 1)
EXCLUDED = ["city", "department_of_education", "local_public_benefit_corporation", "local_public_authority"]

dates = st.dates(min_value=date(2017, 1, 1), max_value=date(2030, 12, 31)).map(date.isoformat)
properties = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(PROPERTY_KINDS),
        "city_owned_or_leased": st.booleans(),
        "city_operational_control": st.booleans(),
    }
)
exception_lists = st.lists(st.sampled_from(LOT_EXCEPTIONS), unique=True)
lot_facts = st.fixed_dictionaries(
    {
        "date": dates,
        "personnel": st.fixed_dictionaries({"employer": st.sampled_from(EMPLOYERS), "enforces_laws": st.booleans()}),
        "property": properties,
        "use": st.sampled_from(USES),
        "law_enforcement_purpose": st.booleans(),
        "exceptions": exception_lists,
    }
)
access_facts = st.fixed_dictionaries(
    {
        "date": dates,
        "requester": st.sampled_from(REQUESTERS),
        "property": properties,
        "area": st.sampled_from(AREAS),
        "judicial_warrant": st.booleans(),
        "authorized_by_city_personnel": st.booleans(),
        "emergency": st.booleans(),
    }
)

RANK = {"not_permitted": 0, "permitted": 1}


@given(lot_facts, st.sampled_from(LOT_EXCEPTIONS))
def test_adding_an_exception_never_turns_permitted_into_not_permitted(facts, extra):
    before = decide("lot-use", facts, today=TODAY).outcome
    after = decide("lot-use", {**facts, "exceptions": sorted(set(facts["exceptions"]) | {extra})}, today=TODAY).outcome
    if before in RANK and after in RANK:
        assert RANK[after] >= RANK[before]
    if before == "permitted":
        assert after == "permitted"


@given(lot_facts, st.sampled_from(EXCLUDED))
def test_an_excluded_employer_is_never_covered(facts, employer):
    facts = {**facts, "personnel": {"employer": employer, "enforces_laws": True}}
    assert decide("lot-use", facts, today=TODAY).outcome == "not_covered"


@given(lot_facts)
def test_same_facts_same_answer(facts):
    assert decide("lot-use", facts, today=TODAY).as_dict() == decide("lot-use", facts, today=TODAY).as_dict()


@given(lot_facts)
def test_every_reason_and_decision_is_cited(facts):
    d = decide("lot-use", facts, today=TODAY).as_dict()
    assert d["citations"]
    assert all(re.fullmatch(r"(EO 13 §\d+(\(\w+\))*|Admin Code §[\d-]+)", c) for c in d["citations"])
    assert all(r["citation"] for r in d["reasons"])
    assert d["outcome"] in {"permitted", "not_permitted", "not_covered"}


@given(access_facts)
def test_property_access_laws(facts):
    d = decide("property-access", facts, today=TODAY).as_dict()
    assert all(r["citation"] for r in d["reasons"]) and "Admin Code §4-210" in d["citations"]
    if facts["area"] == "public" or facts["requester"] != "non_local_law_enforcement":
        assert d["outcome"] == "not_covered"
    if d["outcome"] == "not_permitted":
        assert not (facts["judicial_warrant"] or facts["authorized_by_city_personnel"] or facts["emergency"])


@settings(max_examples=60)
@given(lot_facts, st.sets(st.sampled_from(["personnel", "property", "use", "law_enforcement_purpose", "exceptions"])))
def test_a_settled_partial_answer_matches_the_full_answer(facts, hidden):
    facts = {**facts, "immigration_enforcement": False}  # optional; a partial request asks it where it matters
    full = decide("lot-use", facts, today=TODAY).outcome
    partial = decide("lot-use", {k: v for k, v in facts.items() if k not in hidden}, today=TODAY, partial=True)
    if partial.outcome != "unknown":
        assert partial.outcome == full
    else:
        assert partial.missing and set(partial.missing) <= hidden


FORCE = re.compile(r"\b(block|stop|hold|grab|push|restrain|prevent|physically)\b", re.I)


@given(st.one_of(lot_facts.map(lambda f: ("lot-use", f)), access_facts.map(lambda f: ("property-access", f))))
def test_next_steps_never_advise_physical_interference(case):
    kind, facts = case
    d = decide(kind, facts, today=TODAY).as_dict()
    for step in d["next_steps"]:
        for match in FORCE.finditer(step):
            # The only place such words may appear is in telling staff NOT to do it.
            assert re.search(r"\bDo not\b[^.]*$", step[: match.start()]), step
    assert any("counsel" in s for s in d["next_steps"]) or d["outcome"] == "permitted"


def test_the_law_package_imports_nothing_of_django_or_the_project():
    law = Path(__file__).resolve().parents[2] / "src" / "eo13" / "law"
    for path in law.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith("django"), f"{path.name} imports {name}"
                assert not name.startswith("eo13.") or name.startswith("eo13.law"), f"{path.name} imports {name}"
