"""`make bench` for issue 10: importing the 17,000-row COLP file as the City's build writes it (numeric BBL, padded
USECODE, dispositions with no category, a GEOM column), fresh and again. Target: under 2 s fresh on SQLite.
All data is fictional (eo13.access.sample)."""

import pytest
from django.db import transaction

from eo13.access.importers import import_properties
from eo13.access.models import CityProperty
from eo13.access.sample import generate_rows, to_csv

pytestmark = [pytest.mark.bench]
PARCELS = 17_000


@pytest.fixture
def city_build_file() -> bytes:
    return to_csv(generate_rows(PARCELS, seed=17)).encode()


@pytest.mark.django_db
def test_import_17000_city_build_rows_fresh(benchmark, city_build_file):
    def run():
        with transaction.atomic():
            result = import_properties(city_build_file, actor="bench")
            transaction.set_rollback(True)  # each round starts from an empty registry
        return result

    result = benchmark.pedantic(run, rounds=3, iterations=1)
    assert result.created == PARCELS and not result.errors


@pytest.mark.django_db
def test_reimport_17000_city_build_rows(benchmark, city_build_file):
    with transaction.atomic():
        import_properties(city_build_file, actor="bench")
    result = benchmark.pedantic(lambda: import_properties(city_build_file, actor="bench"), rounds=3, iterations=1)
    assert result.updated == PARCELS and CityProperty.objects.count() == PARCELS
