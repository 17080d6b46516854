"""Staff pages: the workspace, the board with its filters, overdue list and progress chart, the staff home's
"What is due", and who may open what."""

import pytest

from eo13.obligations.models import Obligation


@pytest.mark.parametrize(
    "role, code, path, status",
    [
        ("agency_lead", "ACS", "/staff/obligations/", 200),
        ("agency_lead", "ACS", "/staff/obligations/?agency=NYPD", 404),
        ("frontline", "ACS", "/staff/obligations/", 404),
        ("agency_lead", "ACS", "/staff/obligations/board/", 403),
        ("city_hall", "CITYHALL", "/staff/obligations/board/", 200),
        ("auditor", "DOI", "/staff/obligations/board/?state=overdue&section=EO+13+%C2%A76", 200),
        ("city_hall", "CITYHALL", "/staff/obligations/?agency=NYPD", 200),
        ("agency_lead", "ACS", "/staff/obligations/reports/", 200),
    ],
)
def test_who_may_open_which_page(order_issued, make_user, login, role, code, path, status):
    assert login(make_user(role, code)).get(path).status_code == status


def test_workspace_lists_what_the_office_owes(order_issued, make_user, login):
    html = login(make_user("agency_lead", "ACS")).get("/staff/obligations/").content.decode()
    assert "What ACS owes under the order" in html
    assert "Audit your policies and report to the Mayor" in html and "EO 13 §2" in html
    assert "Late" in html  # 2026-05-07 has passed
    assert "NYPD" not in html


def test_board_filters_overdue_list_and_chart(order_issued, make_user, login):
    c = login(make_user("city_hall", "CITYHALL"))
    html = c.get("/staff/obligations/board/").content.decode()
    # Columns go by the duty's title, never its key (issue 13).
    audit, officer = 'colkey">Audit your policies and report', 'colkey">Name your privacy officer to the Chief'
    assert audit in html and officer in html and "s2_audit_report" not in html
    # The late list is paged (issue 13); a search finds one office's late duties.
    assert (
        "NYPD: Audit your policies and report to the Mayor"
        in c.get("/staff/obligations/board/?q=NYPD").content.decode()
    )
    assert "Share of duties done, month by month" in html and "2026-02" in html
    only_6 = c.get("/staff/obligations/board/?section=EO+13+%C2%A76").content.decode()
    assert officer in only_6 and audit not in only_6
    pbc = c.get("/staff/obligations/board/?kind=public_benefit_corporation").content.decode()
    assert ">HHC<" in pbc and ">ACS<" not in pbc


def test_staff_home_shows_what_is_due(order_issued, make_user, login):
    html = login(make_user("agency_lead", "ACS")).get("/staff/").content.decode()
    assert "What is due" in html and "ACS has" in html and "late" in html


def test_duty_page_shows_section_due_date_and_evidence_expected(order_issued, make_user, login):
    duty = Obligation.objects.get(key="s6_privacy_officer_designation", agency__code="ACS")
    html = login(make_user("privacy_officer", "ACS")).get(f"/staff/obligations/{duty.pk}/").content.decode()
    assert "EO 13 §6" in html and "Friday, February 20, 2026" in html and "the order states this date" in html
    assert "Evidence expected" in html and 'id="submit-form"' in html
    assert 'style="' not in html and "<script>" not in html
