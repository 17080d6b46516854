"""The City property registry from COLP: how codes become §1(1)/§1(2) answers, and all-or-nothing imports."""

import io

import pytest
from django.core.management import call_command

from eo13.access.colp import parcel_facts, property_kind
from eo13.access.importers import import_properties
from eo13.access.models import CityProperty
from eo13.access.sample import generate_rows, to_csv
from eo13.audit.models import AuditEntry


@pytest.mark.parametrize(
    "use_type, category, kind",
    [
        ("OUTDOOR PARKING - AGENCY VEHICLES", "1", "parking_lot"),
        ("OUTDOOR PARKING - TOW POUND", "1", "parking_lot"),
        ("MUNICIPAL PARKING - OUTDOOR PUBLIC", "1", "parking_lot"),
        ("TRANSPORTATION/PUBLIC PARKING FACILITY", "1", "parking_lot"),
        ("INDOOR PARKING GARAGE", "1", "garage"),
        ("MUNICIPAL PARKING - INDOOR PUBLIC", "1", "garage"),
        ("NO USE-VACANT LAND", "3", "vacant_lot"),
        ("OFFICE", "1", "building"),
        ("SHELTER - FAMILIES", "1", "building"),
        ("PLAYGROUND", "1", "other"),
    ],
)
def test_use_type_to_kind(use_type, category, kind):
    assert property_kind(use_type, category) == kind


@pytest.mark.parametrize(
    "codes, owned_or_leased, control, purpose, uncertain",
    [
        (dict(ownership="C", leased="", category="1", expandcat="7", agreement=""), True, True, True, False),
        # The City leases it from a private owner: still the City's to run.
        (dict(ownership="P", leased="L", category="1", expandcat="1", agreement=""), True, True, True, False),
        (dict(ownership="P", leased="", category="1", expandcat="1", agreement=""), False, False, False, False),
        (dict(ownership="O", leased="", category="1", expandcat="1", agreement=""), False, False, False, False),
        # City-owned but leased out to a private tenant: not under the City's operational control.
        (dict(ownership="C", leased="", category="1", expandcat="6", agreement="L"), True, False, False, False),
        (dict(ownership="C", leased="", category="1", expandcat="1", agreement="L"), True, False, False, False),
        (dict(ownership="C", leased="", category="1", expandcat="1", agreement="S"), True, True, True, False),
        # Vacant: owned and run, but with no current City purpose (a City lot, not City property).
        (dict(ownership="C", leased="", category="3", expandcat="8", agreement=""), True, True, False, False),
        (dict(ownership="M", leased="", category="1", expandcat="1", agreement=""), True, True, True, True),
    ],
)
def test_codes_to_facts(codes, owned_or_leased, control, purpose, uncertain):
    f = parcel_facts(use_type="OFFICE", **codes)
    assert (f.city_owned_or_leased, f.city_operational_control, f.city_governmental_purpose, f.uncertain) == (
        owned_or_leased,
        control,
        purpose,
        uncertain,
    )
    assert f.basis.endswith(".")


def _csv(rows):
    return to_csv(rows).encode()


def test_import_then_reimport_updates_in_place(db):
    rows = generate_rows(40, seed=3)
    first = import_properties(_csv(rows), actor="test")
    assert (first.created, first.updated, first.errors) == (40, 0, [])
    rows[0]["USETYPE"] = "INDOOR PARKING GARAGE"
    again = import_properties(_csv(rows), actor="test")
    assert (again.created, again.updated) == (0, 40)
    assert CityProperty.objects.count() == 40
    assert CityProperty.objects.get(uid=rows[0]["uid"]).kind == "garage"
    assert AuditEntry.objects.filter(action="properties.import").count() == 2


@pytest.mark.parametrize(
    "mutate, line, words",
    [
        (lambda r: r[2].update(BBL="12345"), 4, "not ten digits"),
        (lambda r: r[2].update(BBL=r[2]["BBL"] + ".50000000"), 4, "not ten digits"),
        (lambda r: r[3].update(EXPANDCAT="0"), 5, "EXPANDCAT"),
        (lambda r: r[3].update(USECODE="01a0"), 5, "USECODE"),
        (lambda r: r[0].update(BOROUGH="7"), 2, "BOROUGH"),
        (lambda r: r[1].update(OWNERSHIP="Z"), 3, "OWNERSHIP"),
        (lambda r: r[4].update(CATEGORY="9"), 6, "CATEGORY"),
        (lambda r: r[4].update(CATEGORY="x"), 6, "CATEGORY"),
        (lambda r: r[3].update(LEASED="Y"), 5, "LEASED"),
        (lambda r: r[5].update(uid=r[0]["uid"]), 7, "repeats line 2"),
        (lambda r: r[6].update(BLOCK="12a"), 8, "BLOCK"),
        (lambda r: r[7].update(BBL="2" + r[7]["BBL"][1:], BOROUGH="1"), 9, "BOROUGH code"),
    ],
)
def test_a_bad_row_changes_nothing_and_is_named(db, mutate, line, words):
    rows = generate_rows(10, seed=4)
    mutate(rows)
    result = import_properties(_csv(rows), actor="test")
    assert CityProperty.objects.count() == 0
    assert any(n == line and words in reason for n, reason in result.errors), result.errors
    assert not AuditEntry.objects.filter(action="properties.import").exists()


def test_missing_columns_are_an_error_and_extra_columns_are_ignored(db):
    rows = generate_rows(3)
    text = to_csv(rows).replace(",AGREEMENT,", ",AGREEMENTX,", 1)
    assert "missing columns: AGREEMENT" in import_properties(text.encode(), actor="t").errors[0][1]
    extra = (
        to_csv(rows)
        .replace("DCPEDITED\n", "DCPEDITED,NEWCOLUMN\n", 1)
        .replace("\n", ",x\n")
        .replace("DCPEDITED,NEWCOLUMN,x", "DCPEDITED,NEWCOLUMN")
    )
    assert import_properties(extra.encode(), actor="t").created == 3


def test_identifiers_slipped_into_property_names_are_scrubbed(db):
    rows = generate_rows(1)
    rows[0]["PARCELNAME"] = "LOT FOR SSN 123-45-6789 CALL 212-555-0199"
    import_properties(_csv(rows), actor="t")
    p = CityProperty.objects.get()
    assert "123-45-6789" not in p.parcel_name and "555-0199" not in p.parcel_name
    assert p.address == rows[0]["ADDRESS"]  # a parcel's street address is not about a person


def test_command_exit_codes_and_messages(db, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text(to_csv(generate_rows(5)))
    call_command("import-properties", str(good), stdout=io.StringIO())
    bad = tmp_path / "bad.csv"
    rows = generate_rows(5, seed=9)
    rows[1]["BBL"] = "x"
    bad.write_text(to_csv(rows))
    with pytest.raises(SystemExit) as info:
        call_command("import-properties", str(bad))
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "line 3:" in err and "nothing was imported" in err
    assert CityProperty.objects.count() == 5


def test_bbl_with_several_records_is_a_city_lot_if_any_is(db):
    from eo13.access.registry import resolve_property

    rows = generate_rows(2, seed=5)
    rows[1].update(BOROUGH=rows[0]["BOROUGH"], BLOCK=rows[0]["BLOCK"], LOT=rows[0]["LOT"], BBL=rows[0]["BBL"])
    rows[0].update(USETYPE="OFFICE", OWNERSHIP="C", CATEGORY="1", EXPANDCAT="1", AGREEMENT="", LEASED="")
    rows[1].update(
        USETYPE="OUTDOOR PARKING - EMPLOYEES", OWNERSHIP="C", CATEGORY="1", EXPANDCAT="7", AGREEMENT="", LEASED=""
    )
    import_properties(_csv(rows), actor="t")
    assert resolve_property(rows[0]["BBL"]).is_city_lot
