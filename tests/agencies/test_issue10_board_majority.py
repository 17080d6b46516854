"""Issue 10 (EO 13 §7(3), §8(2)): only public benefit corporations whose board majority the Mayor appoints owe a
Committee designation; the registry records each corporation's status with its source (EDC's included)."""

from datetime import date

import pytest

from eo13.agencies.models import Agency
from eo13.law.obligations import duties_for_event
from eo13.obligations.services import registry_offices


@pytest.mark.parametrize(
    "code, owes", [("HHC", True), ("NYCHA", True), ("SCA", True), ("HDC", False), ("EDC", False), ("ACS", True)]
)
def test_committee_designations_by_board_majority(db, code, owes):
    duties = duties_for_event("order-issued", date(2026, 2, 6), registry_offices())
    owing = {d.responsible for d in duties if d.key == "s7_3_committee_designation"}
    assert (code in owing) is owes


def test_edc_status_is_recorded_with_its_source(db):
    edc = Agency.objects.get(code="EDC")
    assert edc.mayor_appoints_board_majority is None
    assert "Law Department" in edc.board_majority_source and "1411" in edc.board_majority_source
    for pbc in Agency.objects.filter(kind="public_benefit_corporation"):
        assert pbc.board_majority_source, pbc.code
