from pathlib import Path

import pytest

from eo13.access.importers import import_properties
from eo13.access.models import CityProperty

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "eo13" / "access" / "data" / "colp_sample.csv"


@pytest.fixture
def sample_properties(db):
    from django.db import transaction

    with transaction.atomic():
        result = import_properties(SAMPLE.read_bytes(), actor="test")
    assert not result.errors
    return CityProperty.objects.all()


@pytest.fixture
def city_lot(sample_properties):
    return sample_properties.filter(is_city_lot=True, uncertain=False).order_by("uid").first()


@pytest.fixture
def city_building(sample_properties):
    return sample_properties.filter(is_city_property=True, kind="building").order_by("uid").first()
