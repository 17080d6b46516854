"""The obligation catalogue (EO 13 §2, §5, §6, §7, §8): every duty has a section, a due rule that parses, and
every date the order states equals the date the engine computes."""

import json
from datetime import date
from pathlib import Path

import pytest

import eo13
from eo13.law.deadlines import ORDER_ISSUED, Convention, compute_due
from eo13.law.obligations import (
    CATALOGUE,
    CatalogueError,
    ObligationSpec,
    Office,
    Responsible,
    duties_for_event,
    spec,
)

AGENCIES = Path(eo13.__file__).parent / "agencies" / "data" / "agencies.json"
OFFICES = [Office(r["code"], r["kind"], r.get("is_section_2", False)) for r in json.loads(AGENCIES.read_text())]
SIX = {"ACS", "DOC", "DOHMH", "DOP", "DSS", "NYPD"}


@pytest.mark.parametrize("entry", [s for s in CATALOGUE if s.stated], ids=lambda s: s.key)
def test_every_stated_date_equals_the_computed_one(entry):
    rule = next(r for r in entry.parsed if r.event.value == "order-issued")
    computed = compute_due(rule, ORDER_ISSUED)
    assert computed is not None and computed.due == entry.stated


@pytest.mark.parametrize(
    "key, section, stated",
    [
        ("s2_audit_report", "EO 13 §2", date(2026, 5, 7)),
        ("s6_privacy_officer_designation", "EO 13 §6", date(2026, 2, 20)),
        ("s6_1_cpo_training", "EO 13 §6(1)", date(2026, 4, 7)),
        ("s7_3_committee_designation", "EO 13 §7(3)", date(2026, 2, 13)),
    ],
)
def test_the_orders_own_dates(key, section, stated):
    assert (spec(key).section, spec(key).stated) == (section, stated)


@pytest.mark.parametrize(
    "section",
    [
        "EO 13 §2",
        "EO 13 §2(1)",
        "EO 13 §2(2)",
        "EO 13 §2(3)",
        "EO 13 §5(1)",
        "EO 13 §5(2)",
        "EO 13 §5(3)",
        "EO 13 §5(4)",
        "EO 13 §6",
        "EO 13 §6(1)",
        "EO 13 §6(2)",
        "EO 13 §7(1)(f)",
        "EO 13 §7(3)",
        "EO 13 §8(1)",
        "EO 13 §8(2)",
    ],
)
def test_the_catalogue_covers_each_section(section):
    assert any(s.section == section for s in CATALOGUE)


def test_keys_are_unique_and_only_health_and_hospitals_is_encouraged():
    assert len({s.key for s in CATALOGUE}) == len(CATALOGUE)
    assert [s.key for s in CATALOGUE if not s.binding] == ["s2_3_health_and_hospitals"]
    assert all(s.evidence for s in CATALOGUE)


BASE = spec("s2_audit_report")


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"section": ""}, "needs a section"),
        ({"section": "section 2"}, "needs a section"),
        ({"rules": ("within ninety days of order-issued",)}, "does not parse"),
        ({"rules": ()}, "at least one due rule"),
        ({"key": "Audit Report"}, "must look like"),
        ({"summary": " "}, "plain-language summary"),
        ({"rules": ("ongoing from order-issued",)}, "states a date but has no dated rule"),
    ],
)
def test_a_bad_catalogue_entry_is_refused(changes, message):
    fields = {f: getattr(BASE, f) for f in ObligationSpec.__dataclass_fields__ if f != "parsed"}
    fields.update(changes)
    with pytest.raises(CatalogueError, match=message):
        ObligationSpec(**fields)
    assert spec("s2_audit_report").section == "EO 13 §2"


def _by(duties, key):
    return {d.responsible: d for d in duties if d.key == key}


def test_the_order_makes_the_audit_due_for_the_six_and_the_designation_for_every_agency():
    duties = duties_for_event("order-issued", ORDER_ISSUED, OFFICES)
    audit = _by(duties, "s2_audit_report")
    assert set(audit) == SIX and {d.due for d in audit.values()} == {date(2026, 5, 7)}
    designation = _by(duties, "s6_privacy_officer_designation")
    non_divisions = {o.code for o in OFFICES if o.kind != "division"}
    assert set(designation) == non_divisions and {d.due for d in designation.values()} == {date(2026, 2, 20)}
    training = [d for d in duties if d.key == "s6_1_cpo_training"]
    assert {d.responsible for d in training} == {"MOIP"} and {d.concerns for d in training} == non_divisions
    hhc = _by(duties, "s2_3_health_and_hospitals")
    assert set(hhc) == {"HHC"} and not hhc["HHC"].spec.binding and hhc["HHC"].due is None


@pytest.mark.parametrize(
    "event, on, key, responsible, concerns, due",
    [
        ("privacy-officer-vacancy", date(2026, 6, 1), "s6_privacy_officer_replacement", "DOT", None, date(2026, 7, 1)),
        ("privacy-officer-designated", date(2026, 7, 1), "s6_1_cpo_training", "MOIP", "DOT", date(2026, 8, 30)),
        ("policy-changed", date(2026, 7, 1), "s2_1_update_online", "NYPD", None, None),
    ],
)
def test_agency_events(event, on, key, responsible, concerns, due):
    agency = "NYPD" if event == "policy-changed" else "DOT"
    duties = duties_for_event(event, on, OFFICES, agency=agency)
    match = [d for d in duties if d.key == key]
    assert len(match) == 1
    assert (match[0].responsible, match[0].concerns, match[0].due) == (responsible, concerns, due)


def test_a_policy_change_outside_the_six_makes_no_section_2_duty():
    assert duties_for_event("policy-changed", date(2026, 7, 1), OFFICES, agency="DOT") == []


def test_agency_filter_and_convention():
    acs = duties_for_event("order-issued", ORDER_ISSUED, OFFICES, agency="ACS")
    assert {d.responsible for d in acs} == {"ACS", "MOIP"}
    assert all(d.concerns == "ACS" for d in acs if d.responsible == "MOIP")
    rolled = duties_for_event(
        "privacy-officer-vacancy", date(2026, 2, 5), OFFICES, agency="ACS", convention=Convention.GCL_25A
    )
    assert rolled[0].due == date(2026, 3, 9) and rolled[0].counted == date(2026, 3, 7)


@pytest.mark.parametrize(
    "event, agency, message",
    [
        ("order-lost", None, "Unknown event"),
        ("order-issued", "XYZ", "Unknown agency"),
        ("privacy-officer-vacancy", None, "name it"),
    ],
)
def test_bad_event_requests(event, agency, message):
    with pytest.raises(CatalogueError, match=message):
        duties_for_event(event, ORDER_ISSUED, OFFICES, agency=agency)


def test_reports_to_the_mayor_have_no_invented_cadence():
    """EO 13 §7(1)(f): "regular" and "when directed by the Mayor". No 90-day cycle; a direction sets the date."""
    duties = duties_for_event("order-issued", ORDER_ISSUED, OFFICES, periods=3)
    reports = [d for d in duties if d.key == "s7_1_f_mayor_reports"]
    assert [(d.responsible, d.due) for d in reports] == [("CITYHALL", None)]
    directed = duties_for_event("mayor-direction", date(2026, 9, 15), OFFICES)
    assert [(d.key, d.responsible, d.due) for d in directed] == [
        ("s7_1_f_mayor_reports", "CITYHALL", date(2026, 9, 15))
    ]
    assert spec("s7_1_f_mayor_reports").responsible is Responsible.COMMITTEE
    assert not any(s.recurring for s in CATALOGUE)


@pytest.mark.parametrize(
    "key, section",
    [
        ("s5_committee_materials", "EO 13 §5"),
        ("s8_1_committee_property_access", "EO 13 §8(1)"),
        ("s7_4_other_governments", "EO 13 §7(4)"),
        ("s8_2_committee_coordination", "EO 13 §8(2)"),
    ],
)
def test_the_committee_owes_what_the_order_names(key, section):
    assert spec(key).section == section and spec(key).responsible is Responsible.COMMITTEE


def test_the_immediate_review_and_the_continuous_review():
    """EO 13 §2: "immediately conduct a review"; continuous review only after the initial audit and report."""
    at_issuance = {d.key for d in duties_for_event("order-issued", ORDER_ISSUED, OFFICES)}
    assert "s2_immediate_review" in at_issuance and "s2_continuous_review" not in at_issuance
    after = duties_for_event("audit-report-accepted", date(2026, 5, 20), OFFICES, agency="ACS")
    assert [(d.key, d.responsible, d.due) for d in after] == [("s2_continuous_review", "ACS", None)]


def test_s2_1_names_the_language_access_law():
    s = spec("s2_1_publish_policies")
    assert "Local Law 30 of 2017" in s.summary and "language" in s.summary and "translat" in s.evidence


@pytest.mark.parametrize(
    "designated, due",
    [
        (date(2026, 2, 10), date(2026, 4, 7)),  # first round: by the order's own date
        (date(2026, 2, 20), date(2026, 4, 7)),
        (date(2026, 2, 21), date(2026, 4, 22)),  # later: 60 days from designation
        (date(2026, 7, 1), date(2026, 8, 30)),
    ],
)
def test_s6_1_first_round_officers_are_trained_by_april_7(designated, due):
    duties = duties_for_event("privacy-officer-designated", designated, OFFICES, agency="DOT")
    assert [(d.key, d.due) for d in duties] == [("s6_1_cpo_training", due)]
