import pytest

from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.services import obligation_event_record


@pytest.fixture
def order_issued(db):
    """The order's issuance recorded, as `eo13 bootstrap` does."""
    return obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
