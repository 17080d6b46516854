"""Partial decisions: `unknown` plus the facts that could change the answer, most decisive first."""

from datetime import date

import pytest

from eo13.law.decide import decide

TODAY = date(2026, 3, 1)


def run(kind, facts):
    return decide(kind, facts, today=TODAY, partial=True).as_dict()


@pytest.mark.parametrize(
    "kind, facts, outcome, missing",
    [
        # An excluded employer settles it at once.
        ("lot-use", {"personnel": {"employer": "city", "enforces_laws": True}}, "not_covered", []),
        ("lot-use", {"use": "other"}, "not_covered", []),
        ("lot-use", {"personnel": {"employer": "federal", "enforces_laws": False}}, "not_covered", []),
        # Nothing known: everything that matters is asked; who is asking and where settle the most.
        (
            "lot-use",
            {},
            "unknown",
            ["personnel", "property", "use", "law_enforcement_purpose", "exceptions", "immigration_enforcement"],
        ),
        # Who is asking is known: the place settles more than the rest.
        (
            "lot-use",
            {"personnel": {"employer": "federal", "enforces_laws": True}},
            "unknown",
            ["property", "use", "law_enforcement_purpose", "exceptions", "immigration_enforcement"],
        ),
        # Everything but the exceptions is known: only they are asked.
        (
            "lot-use",
            {
                "personnel": {"employer": "federal", "enforces_laws": True},
                "use": "staging_area",
                "law_enforcement_purpose": True,
                "property": {"kind": "garage", "city_owned_or_leased": True, "city_operational_control": True},
            },
            "unknown",
            ["exceptions", "immigration_enforcement"],
        ),
        # An exception known to apply settles it only once coverage is known.
        (
            "lot-use",
            {
                "personnel": {"employer": "federal", "enforces_laws": True},
                "use": "staging_area",
                "law_enforcement_purpose": True,
                "exceptions": ["exigent_circumstances"],
                "immigration_enforcement": False,
                "property": {"kind": "garage", "city_owned_or_leased": True, "city_operational_control": True},
            },
            "permitted",
            [],
        ),
        # Issue 10: an answer that would let them in turns on Admin Code §10-178, so the guide asks about it.
        (
            "lot-use",
            {
                "personnel": {"employer": "federal", "enforces_laws": True},
                "use": "staging_area",
                "law_enforcement_purpose": True,
                "exceptions": ["exigent_circumstances"],
                "property": {"kind": "garage", "city_owned_or_leased": True, "city_operational_control": True},
            },
            "unknown",
            ["immigration_enforcement"],
        ),
        ("property-access", {"requester": "local_law_enforcement"}, "not_covered", []),
        # A public area is outside the rule whatever the property is.
        ("property-access", {"requester": "non_local_law_enforcement", "area": "public"}, "not_covered", []),
        (
            "property-access",
            {
                "requester": "non_local_law_enforcement",
                "area": "non_public",
                "emergency": False,
                "authorized_by_city_personnel": False,
            },
            "unknown",
            ["property", "judicial_warrant", "immigration_enforcement"],
        ),
        (
            "property-access",
            {
                "requester": "non_local_law_enforcement",
                "area": "non_public",
                "property": {
                    "kind": "building",
                    "city_owned_or_leased": True,
                    "city_operational_control": True,
                    "city_governmental_purpose": True,
                },
                "emergency": True,
                "immigration_enforcement": False,
            },
            "permitted",
            [],
        ),
        ("warrant", {"form": "I-205"}, "not_judicial_warrant", []),
        ("warrant", {"issued_by": "immigration_officer"}, "not_judicial_warrant", []),
        ("warrant", {"issued_by": "article_iii_judge"}, "unknown", ["authorizes"]),
    ],
)
def test_partial_table(kind, facts, outcome, missing):
    d = run(kind, facts)
    assert d["outcome"] == outcome
    if outcome == "unknown":
        assert d["missing"] == missing
    else:
        assert d["missing"] == []
    assert d["reasons"] and all(r["citation"] for r in d["reasons"])


def test_a_settled_partial_answer_never_states_facts_it_was_not_given():
    d = run("lot-use", {"use": "other"})
    texts = " ".join(r["text"] for r in d["reasons"])
    assert "City lot" not in texts and "outside government staff" not in texts


def test_partial_answers_never_contradict_full_answers():
    full = {
        "personnel": {"employer": "state", "enforces_laws": True},
        "use": "operations_base",
        "law_enforcement_purpose": True,
        "exceptions": [],
        "property": {"kind": "vacant_lot", "city_owned_or_leased": True, "city_operational_control": True},
    }
    assert run("lot-use", full)["outcome"] == decide("lot-use", full, today=TODAY).outcome == "not_permitted"
