"""Issue 13: every staff list longer than a screen has search and paging, in the database, keeping the page's
other filters; and the board's progress chart has axes, labels and its figures as a table."""

import datetime as dt
import re

import pytest

from eo13.access.models import DecisionLog
from eo13.agencies.models import Agency
from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.interface import record_event
from eo13.privacy.models import IdentifyingInformationRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def order_issued():
    record_event(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)


def test_agencies_page_pages_and_searches(make_user, login):
    c = login(make_user("frontline", "ACS"))
    first = c.get("/staff/agencies/").content.decode()
    assert Agency.objects.filter(active=True).count() > 25
    assert first.count('data-label="Code"') == 25 and "Page 1 of" in first and "page=2" in first
    found = c.get("/staff/agencies/?q=children").content.decode()
    assert ">ACS</a>" in found and ">NYPD</a>" not in found and "found for “children”" in found
    assert c.get("/staff/agencies/?page=999").status_code == 200, "a page past the end shows the last page"
    assert c.get("/staff/agencies/?q=" + "x" * 300).status_code == 200, "a long search is cut, not an error"


def test_board_late_list_pages_in_the_database_and_keeps_the_filters(order_issued, make_user, login):
    c = login(make_user("city_hall", "CITYHALL"))
    html = c.get("/staff/obligations/board/?kind=mayoral_agency").content.decode()
    late = html.split("<h2>Late duties</h2>", 1)[1].split("</ol>", 1)[0]
    assert late.count("<li>") <= 25
    if "page=2" in html:
        assert "kind=mayoral_agency&amp;page=2" in html, "the filter rides along in the pager"
    only_acs = c.get("/staff/obligations/board/?q=ACS").content.decode()
    items = re.findall(
        r"<li><a href=\"/staff/obligations/\d+/\">([A-Z]+):", only_acs.split("<h2>Late duties</h2>", 1)[1]
    )
    assert items and set(items) == {"ACS"}


def test_board_chart_has_axes_labels_and_a_table(order_issued, make_user, login):
    html = login(make_user("city_hall", "CITYHALL")).get("/staff/obligations/board/").content.decode()
    svg = html.split('<svg class="eo13-ob-chart"', 1)[1].split("</svg>", 1)[0]
    assert ">0%</text>" in svg and ">100%</text>" in svg and 'class="eo13-ob-axisline"' in svg
    months = re.findall(r"<tr><td>(\d{4}-\d{2})</td>", html)
    assert months[0] == "2026-02", "from the first duty (the order, Feb 2026)"
    assert svg.count('class="eo13-ob-bar"') == len(months), "one bar per month in the table"
    assert 'preserveAspectRatio="none"' not in svg, "labels are not stretched"


def test_workspace_pages_everything_the_office_owes(order_issued, make_user, login):
    c = login(make_user("chief_privacy_officer", "MOIP"))
    html = c.get("/staff/obligations/?agency=MOIP").content.decode()
    part = html.split('id="all"', 1)[1]
    assert 'role="search"' in part


def test_encounters_decisions_and_privacy_requests_page_at_25(make_user, login):
    acs = Agency.objects.get(code="ACS")
    DecisionLog.objects.bulk_create(
        DecisionLog(
            kind="lot-use",
            outcome="permitted",
            facts={},
            decision={},
            rules_version="test",
            as_of=dt.date(2026, 3, 1),
            channel="web",
            agency=acs,
        )
        for _ in range(30)
    )
    IdentifyingInformationRequest.objects.bulk_create(
        IdentifyingInformationRequest(
            agency=acs,
            reference=f"TEST-{n:03d}",
            requesting_agency="Fictional Office",
            instrument="informal_request",
            received_on=dt.date(2026, 3, 1),
        )
        for n in range(30)
    )
    lead = login(make_user("agency_lead", "ACS"))
    decisions = lead.get("/staff/access/decisions/").content.decode()
    assert "Page 1 of 2" in decisions and decisions.count('data-label="When"') == 25
    privacy = login(make_user("privacy_officer", "ACS"))
    requests = privacy.get("/staff/privacy/requests/?status=open").content.decode()
    assert "Page 1 of 2" in requests and "status=open&amp;page=2" in requests
    one = privacy.get("/staff/privacy/requests/?q=TEST-007").content.decode()
    assert "TEST-007" in one and "TEST-008" not in one


def test_training_roster_pages_and_searches(make_user, login):
    from eo13.training.models import RosterPerson

    acs = Agency.objects.get(code="ACS")
    RosterPerson.objects.bulk_create(
        RosterPerson(agency=acs, staff_id=f"T{n:04d}", display_name=f"Test Person {n:04d}", role_group="employee")
        for n in range(60)
    )
    c = login(make_user("agency_lead", "ACS"))
    html = c.get("/staff/training/ACS/").content.decode()
    assert "Page 1 of 2" in html and "60 people" in html
    one = c.get("/staff/training/ACS/?q=T0042").content.decode()
    assert "Test Person 0042" in one and "Test Person 0041" not in one
