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
    assert [c.key for c in picked] == ["citizenship_or_immigration_status", "gender_affirming_care"]


def test_unknown_categories_are_named():
    assert ii.unknown_categories(["name", "shoe_size", "height"]) == ["shoe_size"]


def test_categories_beyond_the_confirmed_list_say_so():
    assert ii.category("employer_information").confirmed
    assert not ii.category("court_dates").confirmed


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
    assert rule.citations and all(c.startswith(("EO 13", "Admin Code", "NYC Charter")) for c in rule.citations)
    # Issue 10: sending legal process to the Law Department is City practice, not a rule of EO 13 §6(2).
    if legal_process:
        assert "EO 13 §6(2)" not in rule.citations and "NYC Charter §394 (City practice)" in rule.citations


def test_judicial_warrant_cites_the_definition_and_warns_about_dhs_forms():
    rule = ii.instrument_rule("judicial_warrant")
    assert "EO 13 §1(6)" in rule.citations
    assert "I-205" in rule.explanation


@pytest.mark.parametrize(
    "decision, allows", [("decline", False), ("disclose_required", True), ("partial", True), ("other", False)]
)
def test_only_a_decision_to_disclose_allows_a_disclosure(decision, allows):
    assert ii.decision_allows_disclosure(decision) is allows


@pytest.mark.parametrize(
    "key",
    ["address_or_contact_details", "social_media_accounts", "release_date_from_custody",
     "police_surveillance_information"],
)  # fmt: skip
def test_issue_10_confirmed_categories_of_admin_code_23_1201(key):
    c = ii.category(key)
    assert c.confirmed and c.is_category and c.citations == ("Admin Code §23-1201",)


def test_release_from_custody_names_acs_doc_and_nypd_and_surveillance_is_the_police_departments():
    assert all(a in ii.category("release_date_from_custody").label for a in ("ACS", "DOC", "NYPD"))
    assert "surveillance" in ii.category("police_surveillance_information").label


def test_gender_affirming_care_is_a_sensitive_subject_not_a_category():
    c = ii.category("gender_affirming_care")
    assert c.singled_out and not c.is_category and "Admin Code §23-1201" not in c.citations
    assert "gender_affirming_care" not in [x.key for x in ii.CATEGORIES]


@pytest.mark.parametrize(
    "key, label",
    [
        ("other:Locker number", "Other identifying information: Locker number"),
        ("other:", None),
        ("other:" + "x" * 61, None),
    ],
)
def test_the_list_is_open_other_identifying_information_with_a_short_label(key, label):
    if label is None:
        assert ii.unknown_categories([key]) == [key]
    else:
        assert ii.unknown_categories([key]) == [] and ii.category(key).label == label
