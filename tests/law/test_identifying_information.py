"""Identifying information and the instruments (EO 13 §6, recitals; Admin Code §23-1201, §23-1202)."""

import pytest

from eo13.law import identifying_information as ii


def test_every_category_cites_the_identifying_information_law_and_keys_are_unique():
    assert len(ii.CATEGORY_KEYS) == len(set(ii.CATEGORY_KEYS))
    for c in ii.CATEGORIES:
        assert "Admin Code §23-1201" in c.citations
        assert c.label and c.label[0].isupper()


@pytest.mark.parametrize(
    "key, flagged",
    [
        ("citizenship_or_immigration_status", True),
        ("gender_affirming_care", True),
        ("gender_identity", False),
        ("name", False),
        ("public_assistance_or_city_services", False),
        ("biometrics", False),
    ],
)
def test_the_order_singles_out_immigration_and_gender_affirming_care(key, flagged):
    c = ii.category(key)
    assert c.singled_out is flagged
    if flagged:
        assert "EO 13 recitals" in c.citations
        assert c.why_flagged


def test_singled_out_keeps_list_order_and_ignores_the_rest():
    picked = ii.singled_out(["name", "gender_affirming_care", "citizenship_or_immigration_status"])
    assert [c.key for c in picked] == ["gender_affirming_care", "citizenship_or_immigration_status"]


def test_unknown_categories_are_named():
    assert ii.unknown_categories(["name", "shoe_size", "height"]) == ["shoe_size"]


def test_categories_beyond_the_confirmed_list_say_so():
    assert ii.category("employer_information").confirmed
    assert not ii.category("social_media_accounts").confirmed


@pytest.mark.parametrize(
    "instrument, legal_process",
    [
        ("informal_request", False),
        ("administrative_subpoena", True),
        ("grand_jury_subpoena", True),
        ("court_order", True),
        ("judicial_warrant", True),
    ],
)
def test_legal_process_goes_to_the_law_department(instrument, legal_process):
    assert ii.needs_law_department(instrument) is legal_process
    rule = ii.instrument_rule(instrument)
    assert rule.citations and all(c.startswith(("EO 13", "Admin Code")) for c in rule.citations)


def test_judicial_warrant_cites_the_definition_and_warns_about_dhs_forms():
    rule = ii.instrument_rule("judicial_warrant")
    assert "EO 13 §1(6)" in rule.citations
    assert "I-205" in rule.explanation


@pytest.mark.parametrize(
    "decision, allows", [("decline", False), ("disclose_required", True), ("partial", True), ("other", False)]
)
def test_only_a_decision_to_disclose_allows_a_disclosure(decision, allows):
    assert ii.decision_allows_disclosure(decision) is allows
