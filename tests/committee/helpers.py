"""Fixtures for the Committee's tests: the order's duties, and the people who work in the Committee (fictional)."""

import datetime as dt

import pytest

from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.services import obligation_event_record

D = dt.date
PEOPLE = {
    "chair": ("committee", "CITYHALL", True),
    "adviser": ("committee", "MOIA", False),
    "member_acs": ("committee", "ACS", False),
    "hall": ("city_hall", "CITYHALL", False),
    "lead_acs": ("agency_lead", "ACS", False),
    "lead_doc": ("agency_lead", "DOC", False),
    "lead_doe": ("agency_lead", "DOE", False),
    "frontline": ("frontline", "ACS", False),
    "auditor": ("auditor", "DOI", False),
}


@pytest.fixture
def duties(db):
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)


class _People(dict):
    """Made on first use: each user costs a password hash."""

    def __init__(self, make_user):
        super().__init__()
        self.make_user = make_user

    def __missing__(self, key):
        role, agency, chair = PEOPLE[key]
        self[key] = self.make_user(role, agency, is_chair=chair)
        return self[key]


@pytest.fixture
def people(duties, make_user):
    return _People(make_user)
