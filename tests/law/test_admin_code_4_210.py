"""Admin Code §4-210 read with EO 13 §4: entering non-public areas of City property."""

from datetime import date

import pytest

from eo13.law.decide import decide
from tests.law.facts_builders import property_access

BUILDING = {
    "kind": "building",
    "city_owned_or_leased": True,
    "city_operational_control": True,
    "city_governmental_purpose": True,
}


def run(facts):
    return decide("property-access", facts, today=date(2026, 3, 1)).as_dict()


@pytest.mark.parametrize(
    "facts, outcome, code, version",
    [
        (property_access(), "not_permitted", "no_exception", "eo-13-2026"),
        (property_access(judicial_warrant=True), "permitted", "exception_applies", "eo-13-2026"),
        (property_access(authorized_by_city_personnel=True), "permitted", "exception_applies", "eo-13-2026"),
        (property_access(emergency=True), "permitted", "exception_applies", "eo-13-2026"),
        (property_access(area="public"), "not_covered", "public_area", "eo-13-2026"),
        (property_access(requester="local_law_enforcement"), "not_covered", "not_non_local", "eo-13-2026"),
        (property_access(requester="other"), "not_covered", "not_non_local", "eo-13-2026"),
        (
            property_access(property={**BUILDING, "city_owned_or_leased": False}),
            "not_covered",
            "not_city_property",
            "eo-13-2026",
        ),
        (
            property_access(property={**BUILDING, "city_operational_control": False}),
            "not_covered",
            "not_city_property",
            "eo-13-2026",
        ),
        (
            property_access(property={**BUILDING, "city_governmental_purpose": False}),
            "not_covered",
            "not_city_property",
            "eo-13-2026",
        ),
        # Parking lots and garages are City property too.
        (property_access(property={**BUILDING, "kind": "garage"}), "not_permitted", "no_exception", "eo-13-2026"),
        # Before the order, §4-210 alone; before Local Law 246 took effect, nothing.
        (property_access(date="2025-06-01"), "not_permitted", "no_exception", "admin-code-4-210-2018"),
        (property_access(date="2018-04-15"), "not_covered", "before_effective_date", "admin-code-4-210-2018"),
    ],
)
def test_property_access_table(facts, outcome, code, version):
    d = run(facts)
    assert d["outcome"] == outcome
    assert code in [r["code"] for r in d["reasons"]]
    assert d["rules_version"] == version
    assert "Admin Code §4-210" in d["citations"]


def test_eo13_section_4_is_cited_only_once_the_order_is_in_force():
    assert "EO 13 §4" in run(property_access())["citations"]
    assert "EO 13 §4" not in run(property_access(date="2025-06-01"))["citations"]


@pytest.mark.parametrize(
    "warrant, outcome",
    [
        ({"issued_by": "new_york_state_court", "authorizes": ["search"]}, "permitted"),
        ({"issued_by": "immigration_officer", "authorizes": ["custody"], "form": "I-200"}, "not_permitted"),
    ],
)
def test_warrant_object_instead_of_boolean(warrant, outcome):
    facts = property_access(warrant=warrant)
    del facts["judicial_warrant"]
    d = run(facts)
    assert d["outcome"] == outcome
    assert "EO 13 §1(6)" in d["citations"]


def test_claimed_warrant_that_is_a_dhs_form_is_a_conflict():
    d = run(
        property_access(
            judicial_warrant=True,
            warrant={"issued_by": "immigration_officer", "authorizes": ["custody"], "form": "I-205"},
        )
    )
    assert d["outcome"] == "unknown" and d["conflict"]
