"""The COLP import writes only what changed (issue 14: COPY and one INSERT ... ON CONFLICT on PostgreSQL, prepared
statements on SQLite): a re-import leaves unchanged records untouched and rewrites the changed ones in place."""

from eo13.access.importers import import_properties
from eo13.access.models import CityProperty
from eo13.access.sample import generate_rows, to_csv


def _stamps() -> dict[str, object]:
    return dict(CityProperty.objects.values_list("uid", "updated_at"))


def test_a_reimport_rewrites_only_the_changed_records_and_adds_the_new(db):
    rows = generate_rows(30, seed=5)
    assert import_properties(to_csv(rows[:25]).encode(), actor="test").created == 25
    before = _stamps()
    rows[0]["PARCELNAME"] = "RENAMED YARD"
    again = import_properties(to_csv(rows).encode(), actor="test")
    assert (again.created, again.updated, again.errors) == (5, 25, [])
    after = _stamps()
    assert len(after) == 30
    assert after[rows[0]["uid"]] > before[rows[0]["uid"]]
    assert CityProperty.objects.get(uid=rows[0]["uid"]).parcel_name == "RENAMED YARD"
    assert all(after[r["uid"]] == before[r["uid"]] for r in rows[1:25])


def test_a_new_record_and_a_changed_one_in_the_same_transaction_twice(db):
    """Two imports inside one outer transaction (a test, a bootstrap): the second finds no leftover table."""
    rows = generate_rows(6, seed=8)
    import_properties(to_csv(rows).encode(), actor="test")
    rows[1]["USETYPE"] = "INDOOR PARKING GARAGE"
    import_properties(to_csv(rows).encode(), actor="test")
    rows[2]["USETYPE"] = "INDOOR PARKING GARAGE"
    assert import_properties(to_csv(rows).encode(), actor="test").updated == 6
    assert CityProperty.objects.filter(kind="garage").count() >= 2
