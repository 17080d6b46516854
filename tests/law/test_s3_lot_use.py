"""EO 13 §3 (with §1(1) and §4): outside law enforcement's use of City lots. One row per branch and exception."""

from datetime import date

import pytest

from eo13.law.decide import decide
from tests.law.facts_builders import LOT, lot_use

TODAY = date(2026, 3, 1)


def run(facts):
    return decide("lot-use", facts, today=TODAY).as_dict()


def codes(d):
    return [r["code"] for r in d["reasons"]]


@pytest.mark.parametrize(
    "facts, outcome, reason_code, citation",
    [
        # The general rule: no exception -> not permitted.
        (lot_use(), "not_permitted", "no_exception", "EO 13 §3"),
        (lot_use(use="processing_location"), "not_permitted", "no_exception", "EO 13 §3"),
        (lot_use(use="operations_base"), "not_permitted", "no_exception", "EO 13 §3"),
        (lot_use(personnel={"employer": "state", "enforces_laws": True}), "not_permitted", "no_exception", "EO 13 §3"),
        (lot_use(personnel={"employer": "other", "enforces_laws": True}), "not_permitted", "no_exception", "EO 13 §3"),
        (lot_use(property={**LOT, "kind": "garage"}), "not_permitted", "no_exception", "EO 13 §1(1)"),
        (lot_use(property={**LOT, "kind": "vacant_lot"}), "not_permitted", "no_exception", "EO 13 §1(1)"),
        # Each of the six exceptions, alone, permits; each is cited as its own paragraph.
        (lot_use(exceptions=["formal_agreement"]), "permitted", "exception_applies", "EO 13 §3(1)"),
        (lot_use(exceptions=["judicial_warrant"]), "permitted", "exception_applies", "EO 13 §3(2)"),
        (lot_use(exceptions=["cooperative_arrangement"]), "permitted", "exception_applies", "EO 13 §3(3)"),
        (lot_use(exceptions=["furthers_city_agency_mission"]), "permitted", "exception_applies", "EO 13 §3(4)"),
        (lot_use(exceptions=["exigent_circumstances"]), "permitted", "exception_applies", "EO 13 §3(5)"),
        (lot_use(exceptions=["required_by_law"]), "permitted", "exception_applies", "EO 13 §3(6)"),
        # Excluded employers: the restriction does not reach them.
        (
            lot_use(personnel={"employer": "city", "enforces_laws": True}),
            "not_covered",
            "excluded_employer",
            "EO 13 §3",
        ),
        (
            lot_use(personnel={"employer": "department_of_education", "enforces_laws": True}),
            "not_covered",
            "excluded_employer",
            "EO 13 §3",
        ),
        (
            lot_use(personnel={"employer": "local_public_benefit_corporation", "enforces_laws": True}),
            "not_covered",
            "excluded_employer",
            "EO 13 §3",
        ),
        (
            lot_use(personnel={"employer": "local_public_authority", "enforces_laws": True}),
            "not_covered",
            "excluded_employer",
            "EO 13 §3",
        ),
        (
            lot_use(personnel={"employer": "federal", "enforces_laws": False}),
            "not_covered",
            "personnel_not_law_enforcement",
            "EO 13 §3",
        ),
        # Not a City lot (§1(1)).
        (lot_use(property={**LOT, "kind": "building"}), "not_covered", "not_city_lot", "EO 13 §1(1)"),
        (lot_use(property={**LOT, "kind": "other"}), "not_covered", "not_city_lot", "EO 13 §1(1)"),
        (lot_use(property={**LOT, "city_owned_or_leased": False}), "not_covered", "not_city_lot", "EO 13 §1(1)"),
        (lot_use(property={**LOT, "city_operational_control": False}), "not_covered", "not_city_lot", "EO 13 §1(1)"),
        # Not a base for law enforcement.
        (lot_use(use="other"), "not_covered", "not_a_base", "EO 13 §3"),
        (lot_use(law_enforcement_purpose=False), "not_covered", "not_law_enforcement_purpose", "EO 13 §3"),
        # Before the order took effect (§9).
        (lot_use(date="2026-02-05"), "not_covered", "before_effective_date", "EO 13 §9"),
        (lot_use(date="2026-02-06"), "not_permitted", "no_exception", "EO 13 §3"),
    ],
)
def test_lot_use_table(facts, outcome, reason_code, citation):
    d = run(facts)
    assert d["outcome"] == outcome
    assert reason_code in codes(d)
    assert citation in d["citations"]
    assert d["kind"] == "lot-use" and d["rules_version"] == "eo-13-2026"


def test_every_exception_is_evaluated_and_reported():
    d = run(lot_use(exceptions=["judicial_warrant", "exigent_circumstances"]))
    results = {r["exception"]: r["applies"] for r in d["reasons"] if "exception" in r}
    assert results == {
        "formal_agreement": False,
        "judicial_warrant": True,
        "cooperative_arrangement": False,
        "furthers_city_agency_mission": False,
        "exigent_circumstances": True,
        "required_by_law": False,
    }
    assert {"EO 13 §3(2)", "EO 13 §3(5)"} <= set(d["citations"])
    assert "EO 13 §3(1)" not in d["citations"]


def test_a_building_points_to_the_property_access_rule():
    d = run(lot_use(property={**LOT, "kind": "building"}))
    assert "property_access_may_apply" in codes(d)
    assert "Admin Code §4-210" in d["citations"]


def test_covered_decisions_cite_the_rule_of_construction():
    d = run(lot_use())
    assert {"EO 13 §4", "Admin Code §4-210", "Admin Code §10-178"} <= set(d["citations"])


@pytest.mark.parametrize(
    "warrant, outcome",
    [
        ({"issued_by": "article_iii_judge", "authorizes": ["search"]}, "permitted"),
        ({"issued_by": "new_york_state_court", "authorizes": ["entry"]}, "permitted"),
        ({"issued_by": "immigration_officer", "authorizes": ["custody"], "form": "I-205"}, "not_permitted"),
        ({"issued_by": "immigration_judge", "authorizes": ["custody"]}, "not_permitted"),
    ],
)
def test_a_warrant_object_is_judged_by_the_engine(warrant, outcome):
    assert run(lot_use(warrant=warrant))["outcome"] == outcome


def test_claim_and_paper_that_disagree_are_a_conflict_sent_to_counsel():
    d = run(
        lot_use(
            exceptions=["judicial_warrant"],
            warrant={"issued_by": "immigration_officer", "authorizes": ["custody"], "form": "I-200"},
        )
    )
    assert d["outcome"] == "unknown" and d["conflict"] is True
    assert "exception_conflict" in codes(d)
    assert any("counsel" in s for s in d["next_steps"])


@pytest.mark.parametrize("key", ["exigent_circumstances", "furthers_city_agency_mission", "required_by_law"])
def test_attested_facts_are_recorded_with_who_and_basis(key):
    d = run(lot_use(exceptions=[key], attestations={key: {"by": "Shift supervisor", "basis": "fictional drill"}}))
    assert d["attested"] == [{"fact": key, "by": "Shift supervisor", "basis": "fictional drill"}]
    assert any("judgment" in s for s in d["next_steps"])


def test_date_defaults_to_today():
    facts = lot_use()
    del facts["date"]
    assert run(facts)["as_of"] == "2026-03-01"
