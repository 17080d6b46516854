"""Decision facts are strict Pydantic models (issue 11, point 4): the error object of INTERFACES §2 names the field;
partial facts are the fields actually set; the request schema and the access app's choices come from the same
definitions."""

from datetime import date

import pytest

from eo13.law.decide import decide
from eo13.law.facts import (
    MODELS,
    Employer,
    FactsError,
    Kind,
    LotException,
    LotUseFacts,
)
from eo13.law.facts_read import facts_schema, read_facts
from tests.law.facts_builders import lot_use, property_access

DETAINER = {
    "agency": "DOC",
    "request": "hold_beyond_release",
    "convictions": [{"category": "misdemeanor", "date_of_judgment": "2024-05-01", "youthful_offender": False}],
    "terrorist_screening_match": False,
}
DAY = date(2026, 3, 1)


@pytest.mark.parametrize(
    "kind, facts, field, error",
    [
        # Unknown field: refused, the field named, the known ones listed.
        ("lot-use", lot_use(colour="red"), "colour", "unknown field; known fields: date, personnel, property"),
        (
            "lot-use",
            lot_use(personnel={"employer": "federal", "enforces_laws": True, "badge": "1"}),
            "personnel.badge",
            "unknown field; known fields: employer, enforces_laws",
        ),
        ("warrant", {"issued_by": "other", "authorizes": [], "signed": True}, "signed", "unknown field"),
        ("detainer", DETAINER | {"name": "someone"}, "name", "unknown field"),
        # Wrong type: "yes" is not true, a number is not a date, a string is not a list.
        (
            "lot-use",
            lot_use(law_enforcement_purpose="yes"),
            "law_enforcement_purpose",
            "must be true or false, not string",
        ),
        ("lot-use", lot_use(law_enforcement_purpose=1), "law_enforcement_purpose", "must be true or false, not number"),
        ("property-access", property_access(emergency="false"), "emergency", "must be true or false, not string"),
        ("lot-use", lot_use(date=20260301), "date", "must be a date written YYYY-MM-DD"),
        ("lot-use", lot_use(date="2026-03-01T10:00:00"), "date", "must be a date written YYYY-MM-DD"),
        (
            "detainer",
            DETAINER | {"convictions": [DETAINER["convictions"][0] | {"date_of_judgment": 2024}]},
            "convictions[0].date_of_judgment",
            "must be a date written YYYY-MM-DD",
        ),
        ("lot-use", lot_use(use=3), "use", "must be a string, not number"),
        ("lot-use", lot_use(exceptions="required_by_law"), "exceptions", "must be an array, not string"),
        ("lot-use", lot_use(property_id=1000010001) | {"property": None}, "property_id", "must be a non-empty string"),
        ("lot-use", lot_use(personnel=["federal"]), "personnel", "must be an object, not array"),
        ("lot-use", lot_use(use="Staging Area"), "use", "unknown value 'Staging Area'; use one of: staging_area, "),
        ("lot-use", lot_use(use=None), "use", "must not be null"),
        ("lot-use", lot_use(exceptions=[None]), "exceptions[0]", "must be a string, not null"),
        ("warrant", None, "facts", "must be an object, not null"),
        ("detainer", DETAINER | {"convictions": [{}] * 51}, "convictions", "has too many entries (50 at most)"),
    ],
)
def test_bad_facts_are_refused_with_the_field_named(kind, facts, field, error):
    with pytest.raises(FactsError) as info:
        decide(kind, facts, today=DAY)
    assert info.value.field == field
    assert info.value.error.startswith(error)
    assert info.value.as_dict() == {"error": info.value.error, "field": field}


# The facts the engine asks for next, most decisive first, as it did before the models (INTERFACES §2 --partial).
@pytest.mark.parametrize(
    "kind, facts, missing",
    [
        (
            "lot-use",
            {"personnel": {"employer": "federal", "enforces_laws": True}},
            ["property", "use", "law_enforcement_purpose", "exceptions", "immigration_enforcement"],
        ),
        (
            "lot-use",
            {"personnel": {"employer": "federal"}, "property": {"kind": "parking_lot"}},
            [
                "personnel.enforces_laws",
                "property.city_owned_or_leased",
                "property.city_operational_control",
                "use",
                "law_enforcement_purpose",
                "exceptions",
                "immigration_enforcement",
            ],
        ),
        (
            "property-access",
            {"requester": "non_local_law_enforcement"},
            [
                "area",
                "property",
                "judicial_warrant",
                "authorized_by_city_personnel",
                "emergency",
                "immigration_enforcement",
            ],
        ),
        ("warrant", {"issued_by": "article_iii_judge"}, ["authorizes"]),
        (
            "detainer",
            {"agency": "DOC", "request": "hold_beyond_release"},
            ["warrant", "terrorist_screening_match", "convictions"],
        ),
    ],
)
def test_partial_facts_ask_for_the_next_missing_fact(kind, facts, missing):
    decision = decide(kind, facts, today=DAY, partial=True)
    assert decision.outcome == "unknown"
    assert decision.missing == missing


def test_what_was_not_given_is_read_from_the_fields_set_not_from_a_placeholder():
    read = read_facts("lot-use", {"personnel": {"employer": "city"}, "use": "other"}, partial=True)
    assert set(read.unknown) == {
        "personnel.enforces_laws",
        "law_enforcement_purpose",
        "immigration_enforcement",
        "exceptions",
        "property",
    }
    assert read.facts["use"] == "other" and read.facts["personnel"] == {"employer": "city", "enforces_laws": None}
    given = LotUseFacts.model_validate_json('{"use": "other"}')
    assert given.model_fields_set == {"use"}


def test_a_full_request_still_needs_every_required_fact():
    with pytest.raises(FactsError) as info:
        decide("warrant", {"issued_by": "article_iii_judge"}, today=DAY)
    assert info.value.as_dict() == {"error": "is missing", "field": "authorizes"}


def test_lists_of_values_come_back_once_each_in_the_orders_own_order():
    read = read_facts("lot-use", lot_use(exceptions=["required_by_law", "judicial_warrant", "required_by_law"]))
    assert read.facts["exceptions"] == ("judicial_warrant", "required_by_law")


def test_the_request_schema_is_generated_from_the_same_models():
    for kind in Kind:
        one = facts_schema(kind)["oneOf"][0]
        assert one["additionalProperties"] is False
        assert "$ref" not in str(one)  # self-contained, so it can sit in the OpenAPI document
        assert set(one["properties"]) == set(MODELS[kind].model_fields)
    lot = facts_schema("lot-use")["oneOf"][0]
    assert lot["required"] == ["personnel", "use", "law_enforcement_purpose"]
    assert lot["properties"]["personnel"]["properties"]["employer"]["enum"] == [e.value for e in Employer]
    assert lot["properties"]["exceptions"]["anyOf"][0]["items"]["enum"] == [e.value for e in LotException]
    assert lot["properties"]["date"]["anyOf"][0] == {"type": "string", "format": "date"}
