import pytest
from django.core.cache import cache

from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations import board_cache
from eo13.obligations.models import BoardChange, BoardVersion
from eo13.obligations.services import obligation_event_record


@pytest.fixture
def order_issued(db):
    """The order's issuance recorded, as `eo13 bootstrap` does."""
    return obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)


@pytest.fixture
def board_hall(make_user):
    """City Hall, with the order's duties on the board and nothing kept from another test (board_cache)."""
    cache.clear()
    board_cache._HERE.clear()
    # Emptying the tables after a committing test fires the SQLite triggers again: their notes would read as changes.
    BoardChange.objects.all().delete()
    BoardVersion.objects.all().delete()
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    yield make_user("city_hall", "CITYHALL")
    cache.clear()
    board_cache._HERE.clear()
