"""Issue 10: the registry accepts every value the Department of City Planning's COLP build writes, and what the
registry is unsure of (EO 13 §1(1), §1(2)) makes the decision `unknown` with "check with counsel or DCAS"."""

import pytest

from eo13.access.colp import parcel_facts
from eo13.access.importers import import_properties
from eo13.access.models import CityProperty
from eo13.access.registry import DatabaseRegistry
from eo13.access.sample import generate_rows, to_csv
from eo13.law.decide import decide
from tests.law.facts_builders import lot_use


def _city_build_rows():
    rows = generate_rows(4, seed=21)
    for r in rows:
        r.update(OWNERSHIP="C", LEASED="", AGREEMENT="", AGENCY="DCAS", FINALCOM="")
    bbl = rows[0]["BBL"].split(".")[0]
    rows[0].update(BBL=f"{bbl}.00000000", MAPBBL=f"{bbl}.00000000", USECODE="0110", USETYPE="OFFICE",
                   CATEGORY="1", EXPANDCAT="1")  # fmt: skip
    rows[1].update(USECODE="1610", USETYPE="DISPOSITION - FINAL COMMITMENT", CATEGORY="", EXPANDCAT="", FINALCOM="D")
    rows[2].update(AGENCY="HHC", USECODE="1412", USETYPE="OUTDOOR PARKING - CLIENTS", CATEGORY="1", EXPANDCAT="5")
    rows[3].update(USECODE="1410", USETYPE="OUTDOOR PARKING - AGENCY VEHICLES", CATEGORY="", EXPANDCAT="")
    # A real parcel's geometry is far longer than the csv module's default field limit (131,072 characters).
    rows[3]["GEOM"] = "MULTIPOLYGON (((" + ", ".join("-73.900000 40.700000" for _ in range(9000)) + ")))"
    return rows, bbl


def test_the_citys_own_build_is_imported_and_doubt_is_marked(db):
    rows, bbl = _city_build_rows()
    result = import_properties(to_csv(rows).encode(), actor="test")
    assert result.errors == [] and result.created == 4
    office = CityProperty.objects.get(uid=rows[0]["uid"])
    assert office.bbl == bbl and office.use_code == "0110" and not office.uncertain
    disposition = CityProperty.objects.get(uid=rows[1]["uid"])
    assert disposition.uncertain and "disposition" in disposition.doubt and disposition.category == ""
    hhc = CityProperty.objects.get(uid=rows[2]["uid"])
    assert hhc.uncertain and "Health + Hospitals" in hhc.doubt
    no_category = CityProperty.objects.get(uid=rows[3]["uid"])
    assert no_category.uncertain and "no category" in no_category.doubt


def test_an_unpadded_use_code_is_padded(db):
    rows = generate_rows(1, seed=22)
    rows[0]["USECODE"] = "110"
    import_properties(to_csv(rows).encode(), actor="test")
    assert CityProperty.objects.get().use_code == "0110"


@pytest.mark.parametrize(
    "codes, words",
    [
        (dict(ownership="M", category="1", agency="DCAS"), "mixed ownership"),
        (dict(ownership="C", category="1", agency="HHC"), "Health + Hospitals"),
        (dict(ownership="C", category="1", agency="NYCHA"), "NYCHA"),
        (dict(ownership="C", category="", agency="DCAS"), "no category"),
        (dict(ownership="C", category="", agency="DCAS", finalcom="D"), "disposition"),
        (dict(ownership="C", category="1", agency="DCAS", use_code="1610"), "disposition"),
        (dict(ownership="C", category="1", agency="DCAS"), None),
    ],
)
def test_what_the_registry_is_unsure_of(codes, words):
    f = parcel_facts(leased="", expandcat="7", agreement="", use_type="OUTDOOR PARKING - AGENCY VEHICLES", **codes)
    if words is None:
        assert not f.uncertain and f.doubt == ""
    else:
        assert f.uncertain and words.lower() in f.doubt.lower() and "DCAS" in f.basis


def test_a_lot_the_registry_is_unsure_of_gets_unknown_and_counsel_or_dcas(db):
    rows, _ = _city_build_rows()
    import_properties(to_csv(rows).encode(), actor="test")
    facts = {k: v for k, v in lot_use().items() if k != "property"}
    d = decide("lot-use", {**facts, "property_id": rows[2]["uid"]}, today=None, registry=DatabaseRegistry())
    assert d.outcome == "unknown" and any("DCAS" in s for s in d.next_steps)
    assert "Health + Hospitals" in " ".join(r.text for r in d.reasons)


def test_the_fictional_sample_has_the_citys_build_values(sample_properties):
    doubts = " ".join(sample_properties.filter(uncertain=True).values_list("doubt", flat=True))
    assert "disposition" in doubts and "Health + Hospitals" in doubts and "NYCHA" in doubts
    assert sample_properties.filter(category="").exists()
    assert all(len(b) == 10 for b in sample_properties.values_list("bbl", flat=True))
