"""Fixtures for the Committee's tests: the order's duties, and the people who work in the Committee (fictional)."""

import datetime as dt

import pytest

from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.services import obligation_event_record

D = dt.date


@pytest.fixture
def duties(db):
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)


@pytest.fixture
def people(duties, make_user):
    return {
        "chair": make_user("committee", "CITYHALL", is_chair=True),
        "adviser": make_user("committee", "MOIA"),
        "member_acs": make_user("committee", "ACS"),
        "hall": make_user("city_hall", "CITYHALL"),
        "lead_acs": make_user("agency_lead", "ACS"),
        "lead_doc": make_user("agency_lead", "DOC"),
        "frontline": make_user("frontline", "ACS"),
        "auditor": make_user("auditor", "DOI"),
    }
