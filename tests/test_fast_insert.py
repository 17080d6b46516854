"""``insert_row`` writes what ``objects.create`` writes (issue 14): the decision log and every audit entry go through
it, so a JSON value, a date or an aware time that came back different would corrupt the City's records."""

import datetime as dt

import pytest

from eo13.access.models import DecisionLog
from eo13.agencies.models import Agency
from eo13.fast_insert import insert_row

pytestmark = pytest.mark.django_db


def _fields(obj: DecisionLog) -> dict[str, object]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if not f.primary_key}


def test_a_row_reads_back_as_the_orm_would_have_written_it(make_user):
    asker = make_user("frontline", "ACS")
    at = dt.datetime(2026, 3, 1, 14, 5, 6, 789012, tzinfo=dt.UTC)
    row = {
        "kind": "lot-use",
        "partial": True,
        "facts": {"use": "staging_area", "nested": [1, "two", None, {"é": "ü"}]},
        "outcome": "unknown",
        "decision": {"reasons": [], "citations": ["EO 13 §3"]},
        "rules_version": "eo-13-2026",
        "as_of": dt.date(2026, 3, 1),
        "asked_by_id": asker.pk,
        "agency_id": Agency.objects.get(code="ACS").pk,
        "channel": "api",
        "created_at": at,
    }
    fast = DecisionLog.objects.get(pk=insert_row(DecisionLog, row, "default"))
    orm = DecisionLog.objects.create(**row)
    DecisionLog.objects.filter(pk=orm.pk).update(created_at=at)  # create() sets its own (auto_now_add)
    orm.refresh_from_db()
    assert _fields(fast) == row == _fields(orm)
    assert {k: type(v) for k, v in _fields(fast).items()} == {k: type(v) for k, v in _fields(orm).items()}
