"""Reports: the §2 audit report of each of the six agencies and the report to the Mayor compiled from live
status, as HTML, PDF and CSV (EO 13 §2, §7(1)(f))."""

import csv
import io
from datetime import date

import pytest
from pypdf import PdfReader

from eo13.agencies.models import Agency
from eo13.errors import ConflictError, NotFound
from eo13.obligations.auditreports import audit_report_save
from eo13.obligations.evidence import evidence_add
from eo13.obligations.models import Obligation
from eo13.obligations.services import obligation_accept, obligation_submit
from tests.conftest import pdf_via_worker
from tests.obligations.helpers import PDF


def _pdf_text(content: bytes) -> str:
    return " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def accepted_acs(order_issued, make_user):
    lead, hall = make_user("agency_lead", "ACS"), make_user("city_hall", "CITYHALL")
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    evidence_add(actor=lead, obligation=duty, name="a.pdf", data=PDF, effective_date=date(2026, 5, 1))
    duty = obligation_submit(actor=lead, obligation=duty, expected_version=1, note="Report attached.")
    obligation_accept(actor=hall, obligation=duty, expected_version=duty.version)
    return lead, hall


def test_mayor_report_csv_has_every_duty_with_live_status(accepted_acs, login):
    _, hall = accepted_acs
    response = login(hall).get("/staff/obligations/reports/mayor.csv")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == Obligation.objects.count()
    acs = next(r for r in rows if r["office"] == "ACS" and r["obligation"] == "s2_audit_report")
    assert acs["status"] == "accepted" and acs["late"] == "no" and acs["due"] == "2026-05-07"
    nypd = next(r for r in rows if r["office"] == "NYPD" and r["obligation"] == "s2_audit_report")
    assert nypd["status"] == "open" and nypd["late"] == "yes" and nypd["section"] == "EO 13 §2"


def test_mayor_report_pdf_text(accepted_acs, login):
    _, hall = accepted_acs
    response = pdf_via_worker(login(hall), "/staff/obligations/reports/mayor.pdf")
    content = b"".join(response.streaming_content)
    assert response.status_code == 200 and content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="eo13-report-to-the-mayor.pdf"'
    text = _pdf_text(content)
    assert "report to the Mayor" in text
    assert "Audit your policies and report to the Mayor" in text
    assert "ACS: Accepted" in text and "NYPD: Open" in text
    assert "EO 13 §7(3)" in text


def test_mayor_report_html_and_who_may_read_it(accepted_acs, login, make_user):
    _, hall = accepted_acs
    assert "Late duties" in login(hall).get("/staff/obligations/reports/mayor.html").content.decode()
    for fmt in ("html", "pdf", "csv"):
        assert login(make_user("agency_lead", "ACS")).get(f"/staff/obligations/reports/mayor.{fmt}").status_code == 403


def test_a_pdf_is_only_for_the_person_who_asked_for_it(accepted_acs, login, make_user):
    """The made file goes to whoever asked; another person (even with the same role) gets a 404."""
    _, hall = accepted_acs
    mine = login(hall)
    job = mine.get("/staff/obligations/reports/mayor.pdf")["Location"]
    other = login(make_user("city_hall", "CITYHALL"))
    assert other.get(job).status_code == 404 and other.get(job + "file/").status_code == 404
    assert mine.get(job + "file/").status_code == 404, "not ready yet: no file"
    assert mine.get("/staff/pdf/not-a-job/").status_code == 404


def test_audit_report_not_written_says_so_and_lists_the_accepted_evidence(accepted_acs, login):
    """Issue 13: the ACS audit PDF was blank although the duty was accepted with evidence."""
    lead, _ = accepted_acs
    text = " ".join(_pdf_text(login(lead).get("/staff/obligations/reports/audit/ACS.pdf").content).split())
    assert "ACS has not written this report in EO13 yet." in text
    assert "City Hall accepted the duty" in text and "Evidence accepted" in text
    assert "a.pdf" in text and "May 1, 2026" in text


def test_audit_report_written_then_printed(accepted_acs, login):
    lead, _ = accepted_acs
    acs = Agency.objects.get(code="ACS")
    audit_report_save(
        actor=lead,
        agency=acs,
        expected_version=0,
        findings="Two protocols named no contact.",
        policy_changes="Protocol 7 now requires a judicial warrant check.",
        compliance_steps="Quarterly spot checks.",
        training="All shelter staff by June.",
    )
    response = login(lead).get("/staff/obligations/reports/audit/ACS.pdf")
    text = _pdf_text(response.content)
    for part in (
        "Findings",
        "Two protocols named no contact.",
        "Policy changes",
        "judicial warrant check",
        "Compliance steps",
        "Quarterly spot checks.",
        "Training",
        "All shelter staff by June.",
    ):
        assert part in text
    html = login(lead).get("/staff/obligations/reports/audit/ACS.html").content.decode()
    assert "Quarterly spot checks." in html


def test_audit_report_conflicts_scrubs_and_stays_within_the_six(accepted_acs, make_user):
    lead, _ = accepted_acs
    acs = Agency.objects.get(code="ACS")
    report = audit_report_save(actor=lead, agency=acs, expected_version=0, findings="Call 212-555-0123.")
    assert "212-555-0123" not in report.findings
    with pytest.raises(ConflictError):
        audit_report_save(actor=lead, agency=acs, expected_version=0, findings="Overwrite")
    with pytest.raises(NotFound):
        audit_report_save(
            actor=make_user("agency_lead", "DOT"),
            agency=Agency.objects.get(code="DOT"),
            expected_version=0,
            findings="x",
        )
