"""Fixtures for the privacy tests: people in each role, and a privacy officer on the register."""

from datetime import date
from typing import Any

import pytest

from eo13.agencies.models import Agency
from eo13.privacy import services


@pytest.fixture
def cpo(make_user: Any) -> Any:
    return make_user("chief_privacy_officer", "MOIP")


@pytest.fixture
def po(make_user: Any) -> Any:
    return make_user("privacy_officer", "ACS")


@pytest.fixture
def other_po(make_user: Any) -> Any:
    return make_user("privacy_officer", "DOC")


@pytest.fixture
def city_hall(make_user: Any) -> Any:
    return make_user("city_hall", "CITYHALL")


@pytest.fixture
def designate(cpo: Any) -> Any:
    def _designate(code: str = "ACS", on: date = date(2026, 2, 10), name: str = "Demo Officer Alpha") -> Any:
        return services.designation_record(
            actor=cpo,
            agency=Agency.objects.get(code=code),
            full_name=name,
            title="Agency Privacy Officer",
            email=f"{code.lower()}.privacy@example.nyc.test",
            phone="212-555-0142",
            designated_on=on,
        )

    return _designate
