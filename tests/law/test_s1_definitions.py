"""EO 13 §1: the defined terms as predicates, each citing its paragraph."""

import pytest

from eo13.law import definitions as d

LOT = {"kind": "parking_lot", "city_owned_or_leased": True, "city_operational_control": True}


@pytest.mark.parametrize(
    "prop, holds",
    [
        (LOT, True),
        ({**LOT, "kind": "garage"}, True),
        ({**LOT, "kind": "vacant_lot"}, True),
        ({**LOT, "kind": "building"}, False),
        ({**LOT, "city_owned_or_leased": False}, False),
        ({**LOT, "city_operational_control": False}, False),
    ],
)
def test_city_lot(prop, holds):
    f = d.city_lot(prop)
    assert f.holds is holds and f.citation == "EO 13 §1(1)"


@pytest.mark.parametrize(
    "prop, holds",
    [
        ({**LOT, "kind": "building", "city_governmental_purpose": True}, True),
        ({**LOT, "kind": "building"}, False),  # issue 10: the City purpose is never assumed
        ({**LOT, "city_governmental_purpose": False}, False),
        ({**LOT, "city_owned_or_leased": False}, False),
        ({**LOT, "city_operational_control": False}, False),
    ],
)
def test_city_property(prop, holds):
    f = d.city_property(prop)
    assert f.holds is holds and f.citation == "EO 13 §1(2)"


def test_contractor():
    assert d.contractor(True).holds and not d.contractor(False).holds
    assert d.contractor(True).citation == "EO 13 §1(3)"


@pytest.mark.parametrize(
    "services, holds",
    [(["homeless_assistance"], True), (["legal_services", "day_care"], True), (["parking"], False), ([], False)],
)
def test_human_services(services, holds):
    f = d.human_services(services)
    assert f.holds is holds and f.citation == "EO 13 §1(4)"
