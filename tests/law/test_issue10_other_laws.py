"""Issue 10: where the order meets other laws (EO 13 §3(3), §4, §1(5), §1(6), §9; Admin Code §4-210, §10-178)."""

from datetime import date

import pytest

from eo13.law.decide import ResolvedProperty, decide
from eo13.law.engine import CALL_COUNSEL
from eo13.law.facts import FactsError
from tests.law.facts_builders import lot_use, property_access

TODAY = date(2026, 3, 1)
I200_CLAIMED = {"issued_by": "immigration_officer", "authorizes": ["custody"], "form": "I-200"}


def run(kind, facts, **kw):
    return decide(kind, facts, today=TODAY, **kw).as_dict()


def codes(d):
    return [r["code"] for r in d["reasons"]]


@pytest.mark.parametrize(
    "employer, outcome, conflict",
    [
        ("federal", "permitted", False),
        ("state", "permitted", False),
        # Another local government: §3(3) is "with state or federal agencies"; at most a §3(1) agreement.
        ("other", "not_permitted", False),
        # Another state's officers: whether "state agencies" reaches them is unsettled -> counsel.
        ("other_state", "unknown", True),
    ],
)
def test_s3_3_cooperative_arrangement_is_with_state_or_federal_agencies(employer, outcome, conflict):
    d = run(
        "lot-use",
        lot_use(personnel={"employer": employer, "enforces_laws": True}, exceptions=["cooperative_arrangement"]),
    )
    assert d["outcome"] == outcome
    assert d.get("conflict", False) is conflict
    if outcome != "permitted":
        assert "EO 13 §3(3)" not in d["citations"] or d["outcome"] == "unknown"
        assert CALL_COUNSEL in d["next_steps"] or "counsel" in " ".join(d["next_steps"]).lower()


def test_local_officers_with_a_formal_agreement_still_get_s3_1():
    facts = lot_use(
        personnel={"employer": "other", "enforces_laws": True},
        exceptions=["formal_agreement", "cooperative_arrangement"],
    )
    d = run("lot-use", facts)
    assert d["outcome"] == "permitted" and "EO 13 §3(1)" in d["citations"] and "EO 13 §3(3)" not in d["citations"]


@pytest.mark.parametrize(
    "kind, facts",
    [
        # An I-200 called a "judicial warrant", and exigent circumstances: §3(5) is enough on its own.
        ("lot-use", lot_use(exceptions=["judicial_warrant", "exigent_circumstances"], warrant=I200_CLAIMED)),
        # Property access: an emergency, and a claimed judicial warrant that is an I-205.
        (
            "property-access",
            property_access(judicial_warrant=True, emergency=True, warrant={**I200_CLAIMED, "form": "I-205"}),
        ),
    ],
)
def test_one_exception_is_enough_and_the_conflict_is_still_reported(kind, facts):
    d = run(kind, facts)
    assert d["outcome"] == "permitted" and "conflict" not in d
    assert "exception_conflict" in codes(d)  # the reasons still say the paper is not a judicial warrant
    assert "EO 13 §1(6)" in d["citations"]


def test_a_conflict_that_changes_the_answer_is_still_unknown():
    d = run("lot-use", lot_use(exceptions=["judicial_warrant"], warrant=I200_CLAIMED))
    assert d["outcome"] == "unknown" and d["conflict"] is True and CALL_COUNSEL in d["next_steps"]


def test_a_paper_judged_not_judicial_cites_s1_6():
    d = run("lot-use", lot_use(warrant=I200_CLAIMED))
    assert d["outcome"] == "not_permitted" and "EO 13 §1(6)" in d["citations"]


@pytest.mark.parametrize(
    "kind, facts, outcome",
    [
        ("lot-use", lot_use(exceptions=["exigent_circumstances"]), "unknown"),
        ("lot-use", lot_use(exceptions=["judicial_warrant"]), "unknown"),
        ("lot-use", lot_use(), "not_permitted"),
        ("lot-use", lot_use(personnel={"employer": "city", "enforces_laws": True}), "not_covered"),
        ("property-access", property_access(authorized_by_city_personnel=True), "unknown"),
        ("property-access", property_access(), "not_permitted"),
        ("property-access", property_access(date="2025-06-01", emergency=True), "unknown"),
    ],
)
def test_immigration_enforcement_brings_in_admin_code_10_178(kind, facts, outcome):
    d = run(kind, {**facts, "immigration_enforcement": True})
    assert d["outcome"] == outcome
    assert "immigration_enforcement" in codes(d) and "Admin Code §10-178" in d["citations"]
    assert any("counsel" in s.lower() for s in d["next_steps"])
    assert not any(s.startswith("The order allows") for s in d["next_steps"])
    if outcome == "unknown":
        assert d["conflict"] is True
    # Without the fact, or with it false, the answer is the order's own.
    plain = run(kind, {**facts, "immigration_enforcement": False})
    assert "immigration_enforcement" not in codes(plain)


def test_immigration_enforcement_must_be_a_boolean():
    with pytest.raises(FactsError) as err:
        decide("lot-use", lot_use(immigration_enforcement="yes"), today=TODAY)
    assert err.value.field == "immigration_enforcement"


@pytest.mark.parametrize(
    "facts",
    [
        property_access(date="2025-06-01"),
        property_access(date="2025-06-01", warrant={"issued_by": "article_iii_judge", "authorizes": ["entry"]}),
        property_access(date="2025-06-01", area="public"),
        property_access(
            date="2026-02-05",
            property={"kind": "building", "city_owned_or_leased": False, "city_operational_control": False},
        ),
    ],
)
def test_before_the_order_admin_code_4_210_alone(facts):
    d = run("property-access", facts)
    cited = d["citations"] + [r["citation"] for r in d["reasons"]]
    assert not [c for c in cited if c.startswith("EO 13")], cited
    assert "Admin Code §4-210" in d["citations"]
    used = next(r["text"] for r in d["reasons"] if r["code"] == "definitions_used")
    assert "City property" in used and "Judicial warrant" in used


def test_the_city_purpose_is_never_assumed():
    prop = {"kind": "building", "city_owned_or_leased": True, "city_operational_control": True}
    d = run("property-access", property_access(property=prop))
    assert d["outcome"] == "unknown" and d["missing"] == ["property.city_governmental_purpose"]
    assert any("DCAS" in s for s in d["next_steps"])
    # Where the purpose cannot change the answer (a public area), the answer stands.
    assert run("property-access", property_access(property=prop, area="public"))["outcome"] == "not_covered"


def test_contractors_of_a_federal_agency_are_not_government_personnel():
    d = run("lot-use", lot_use(personnel={"employer": "not_government", "enforces_laws": False}))
    assert d["outcome"] == "not_covered" and "not_government_personnel" in codes(d)


class DoubtfulRegistry:
    """A registry whose one parcel is mixed ownership (COLP OWNERSHIP M)."""

    def property(self, ref):
        facts = {
            "kind": "parking_lot",
            "city_owned_or_leased": True,
            "city_operational_control": True,
            "city_governmental_purpose": True,
        }
        return ResolvedProperty("1000010010", facts, "Fictional record.", doubt="mixed ownership.")

    def agreement(self, ref):
        return None


@pytest.mark.parametrize(
    "kind, facts, outcome",
    [
        ("lot-use", lot_use(property=None, property_id="1000010010"), "unknown"),
        ("property-access", property_access(property=None, property_id="1000010010"), "unknown"),
        # Doubt that cannot change the answer does not make it unknown: a public area is outside §4-210 anyway.
        ("property-access", property_access(property=None, property_id="1000010010", area="public"), "not_covered"),
    ],
)
def test_registry_doubt_is_not_certainty(kind, facts, outcome):
    facts = {k: v for k, v in facts.items() if v is not None}
    d = run(kind, facts, registry=DoubtfulRegistry())
    assert d["outcome"] == outcome
    if outcome == "unknown":
        assert "property_uncertain" in codes(d) and any("DCAS" in s for s in d["next_steps"])
        assert "mixed ownership" in " ".join(r["text"] for r in d["reasons"])


def test_immigration_enforcement_before_the_order_cites_no_eo_13_section_of_its_own():
    d = run("lot-use", lot_use(date="2025-12-01", immigration_enforcement=True))
    assert d["outcome"] == "not_covered" and "Admin Code §10-178" in d["citations"]
    assert "EO 13 §1(5)" not in d["citations"]
