"""The City property registry keeps only the indexes its lookups use (issue 14): every other one was maintained
for all 17,000 parcels on each COLP import and read by no query."""

import pytest
from django.db import connection

from eo13.access.models import CityProperty
from eo13.access.selectors import property_search

pytestmark = pytest.mark.django_db


def _indexed_columns() -> set[str]:
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, CityProperty._meta.db_table)
    return {column for c in constraints.values() if c["index"] or c["unique"] for column in c["columns"]}


def test_only_the_columns_lookups_use_are_indexed():
    columns = _indexed_columns()
    assert {"uid", "bbl", "managing_agency_id"} <= columns  # by registry id, by BBL, by office
    # A search matches words anywhere in the text (LIKE '%...%'): no B-tree index serves it; the flags have two values.
    assert not columns & {"search_text", "is_city_property", "is_city_lot"}
    assert "LIKE" in str(property_search(q="broadway").query).upper()  # the search this relies on
