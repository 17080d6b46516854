"""Bad facts get a clear error naming the field; the engine never guesses a missing fact (INTERFACES §2)."""

from datetime import date

import pytest

from eo13.law.decide import decide, decide_batch
from eo13.law.facts import FactsError
from tests.law.facts_builders import lot_use, property_access


def without(d, key):
    return {k: v for k, v in d.items() if k != key}


@pytest.mark.parametrize(
    "kind, facts, field, words",
    [
        ("lot-use", lot_use(colour="red"), "colour", "unknown field"),
        ("lot-use", lot_use(use="parade"), "use", "unknown value"),
        ("lot-use", lot_use(use=3), "use", "must be a string"),
        ("lot-use", lot_use(law_enforcement_purpose="yes"), "law_enforcement_purpose", "true or false"),
        ("lot-use", without(lot_use(), "use"), "use", "is missing"),
        ("lot-use", without(lot_use(), "personnel"), "personnel", "is missing"),
        ("lot-use", lot_use(personnel={"employer": "federal"}), "personnel.enforces_laws", "is missing"),
        (
            "lot-use",
            lot_use(personnel={"employer": "ice", "enforces_laws": True}),
            "personnel.employer",
            "unknown value",
        ),
        ("lot-use", lot_use(personnel="federal"), "personnel", "must be an object"),
        ("lot-use", lot_use(exceptions=["luck"]), "exceptions[0]", "unknown value"),
        ("lot-use", lot_use(exceptions="judicial_warrant"), "exceptions", "must be an array"),
        ("lot-use", lot_use(date="03/01/2026"), "date", "YYYY-MM-DD"),
        ("lot-use", lot_use(date="2026-02-30"), "date", "real calendar date"),
        ("lot-use", without(lot_use(), "property"), "property", "is missing"),
        ("lot-use", lot_use(property_id="1000010001"), "property_id", "not both"),
        ("lot-use", lot_use(use=None), "use", "must not be null"),
        (
            "lot-use",
            lot_use(attestations={"judicial_warrant": {"by": "x", "basis": "y"}}),
            "attestations.judicial_warrant",
            "only these facts",
        ),
        ("lot-use", lot_use(warrant={"issued_by": "article_iii_judge"}), "warrant.authorizes", "is missing"),
        ("property-access", property_access(area="lobby"), "area", "unknown value"),
        ("property-access", without(property_access(), "judicial_warrant"), "judicial_warrant", "is missing"),
        ("property-access", without(property_access(), "emergency"), "emergency", "is missing"),
        ("warrant", {"issued_by": "judge_judy", "authorizes": []}, "issued_by", "unknown value"),
        ("warrant", {"issued_by": "article_iii_judge", "authorizes": ["arrest"]}, "authorizes[0]", "unknown value"),
        ("warrant", {"issued_by": "article_iii_judge", "authorizes": [], "form": "I-9"}, "form", "unknown value"),
        ("warrant", [1, 2], "facts", "must be an object"),
        ("nonsense", {}, "kind", "unknown kind"),
    ],
)
def test_bad_facts_name_the_field(kind, facts, field, words):
    with pytest.raises(FactsError) as info:
        decide(kind, facts, today=date(2026, 3, 1))
    assert info.value.field == field
    assert words in info.value.error


def test_property_id_without_a_registry_is_an_error_not_a_guess():
    with pytest.raises(FactsError) as info:
        decide("lot-use", without(lot_use(), "property") | {"property_id": "1000010001"}, today=date(2026, 3, 1))
    assert info.value.field == "property_id"


def test_batch_is_all_or_nothing_and_names_the_element():
    with pytest.raises(FactsError) as info:
        decide_batch("lot-use", [lot_use(), lot_use(use="parade")], today=date(2026, 3, 1))
    assert info.value.field == "[1].use"
    out = decide_batch("lot-use", [lot_use(), lot_use(exceptions=["exigent_circumstances"])], today=date(2026, 3, 1))
    assert [d.outcome for d in out] == ["not_permitted", "permitted"]
