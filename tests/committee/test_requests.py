"""EO 13 §8(2) resource requests, scoping of every Committee list (INTERFACES §7), and §7(1)(f) reports."""

import pytest

from eo13.committee.models import ResourceRequest
from eo13.committee.selectors import is_overdue, resource_requests
from eo13.committee.services.crises import crisis_open
from eo13.committee.services.requests import (
    mayor_report_approve,
    mayor_report_direct,
    mayor_report_edit,
    resource_request_answer,
    resource_request_make,
)
from eo13.errors import NotFound, PermissionDenied, ValidationFailed
from eo13.obligations.models import Obligation, Status
from tests.committee.helpers import D
from tests.conftest import pdf_via_worker


@pytest.fixture
def crisis(people):
    return crisis_open(actor=people["chair"], title="Fictional surge", kind="enforcement", starts_on=D(2026, 4, 1))


def _ask(people, crisis, code="ACS", due=None, kind="people"):
    return resource_request_make(
        actor=people["chair"],
        crisis=crisis,
        agency_code=code,
        kind=kind,
        description="Two staff.",
        due=due or D(2026, 4, 10),
    )


def test_a_request_is_a_duty_answered_by_the_agency(people, crisis):
    req = _ask(people, crisis)
    assert req.obligation.key == "s8_2_resource_request" and req.obligation.section == "EO 13 §8(2)"
    assert req.obligation.agency.code == "ACS" and req.obligation.due == D(2026, 4, 10)
    resource_request_answer(actor=people["lead_acs"], request=req, answer="partly", note="One person available.")
    req.refresh_from_db()
    assert req.answer == "partly" and req.answered_by == people["lead_acs"].username
    assert Obligation.objects.get(pk=req.obligation_id).status == Status.ACCEPTED
    with pytest.raises(ValidationFailed):  # answered once
        resource_request_answer(actor=people["lead_acs"], request=req, answer="provided", note="")


@pytest.mark.parametrize(
    ("answer", "on", "overdue"),
    [
        ("pending", D(2026, 4, 10), False),  # the due day is the last day
        ("pending", D(2026, 4, 11), True),
        ("provided", D(2026, 4, 11), False),
    ],
)
def test_overdue_means_unanswered_after_the_due_date(people, crisis, answer, on, overdue):
    req = _ask(people, crisis)
    if answer != "pending":
        resource_request_answer(actor=people["lead_acs"], request=req, answer=answer, note="")
        req.refresh_from_db()
    assert is_overdue(req, on) is overdue


def test_doe_and_corporations_are_coordinated_with_not_directed(people, crisis):
    assert _ask(people, crisis, code="DOE").coordination is True
    assert _ask(people, crisis, code="HHC").coordination is True
    assert _ask(people, crisis, code="ACS").coordination is False


@pytest.mark.parametrize(
    ("kw", "field"),
    [({"code": "NOTREAL"}, "agency"), ({"kind": "helicopters"}, "kind"), ({"due": D(2026, 3, 1)}, "due")],
)
def test_bad_requests_are_refused_and_nothing_is_written(people, crisis, kw, field):
    with pytest.raises((ValidationFailed, NotFound)) as exc:  # an unknown code is NotFound
        _ask(people, crisis, **kw)
    assert exc.value.field == field
    assert not ResourceRequest.objects.exists()
    assert not Obligation.objects.filter(key="s8_2_resource_request").exists()


def test_declining_needs_a_note_and_only_the_agency_answers(people, crisis):
    req = _ask(people, crisis)
    with pytest.raises(ValidationFailed):
        resource_request_answer(actor=people["lead_acs"], request=req, answer="declined", note="")
    with pytest.raises(PermissionDenied):
        resource_request_answer(actor=people["lead_doc"], request=req, answer="provided", note="")
    with pytest.raises(PermissionDenied):
        resource_request_make(
            actor=people["lead_acs"], agency_code="DOC", kind="people", description="x", due=D(2026, 5, 1)
        )


def test_scoping_of_resource_requests(people, crisis, api_as):
    acs, doc = _ask(people, crisis, "ACS"), _ask(people, crisis, "DOC")
    assert set(resource_requests(people["chair"])) == {acs, doc}
    assert list(resource_requests(people["lead_acs"])) == [acs]
    assert list(resource_requests(people["member_acs"])) == [acs]
    assert list(resource_requests(people["frontline"])) == []
    ids = [r["id"] for r in api_as(people["lead_doc"]).get("/api/v1/committee/resource-requests").json()]
    assert ids == [doc.pk]
    assert len(api_as(people["hall"]).get("/api/v1/committee/resource-requests").json()) == 2
    front = api_as(people["frontline"]).get("/api/v1/committee/resource-requests")
    assert front.status_code == 403 or front.json() == []
    assert api_as(people["lead_acs"]).get(f"/api/v1/committee/resource-requests?crisis={crisis.pk}").status_code == 403


def test_frontline_sees_nothing_of_the_committee(people, crisis, api_as, login):
    api = api_as(people["frontline"])
    for path in ("members", "crises", "tasks", "risks", "contacts", "reports"):
        assert api.get(f"/api/v1/committee/{path}").status_code == 403, path
    web = login(people["frontline"])
    for path in ("", "members/", "work/", "crises/", f"crises/{crisis.pk}/", "risks/"):
        assert web.get(f"/staff/committee/{path}").status_code == 403, path


def test_agency_lead_page_lists_only_their_requests(people, crisis, login):
    _ask(people, crisis, "ACS")
    other = _ask(people, crisis, "DOC")
    page = login(people["lead_acs"]).get("/staff/committee/work/")
    assert page.status_code == 200 and b"Answer this request" in page.content
    assert b"<strong>DOC</strong>" not in page.content
    assert login(people["lead_acs"]).get(f"/staff/committee/requests/{other.pk}/").status_code == 404


def test_report_to_the_mayor_is_a_duty_approved_by_the_chair_and_produced_as_pdf_and_csv(people, crisis, login):
    _ask(people, crisis)
    with pytest.raises(PermissionDenied):
        mayor_report_direct(actor=people["chair"], crisis=crisis, directed_on=D(2026, 4, 5), due=D(2026, 4, 20))
    report = mayor_report_direct(actor=people["hall"], crisis=crisis, directed_on=D(2026, 4, 5), due=D(2026, 4, 20))
    duty = report.obligation
    assert (duty.agency.code, duty.key, duty.due) == ("CITYHALL", "s7_1_f_mayor_reports", D(2026, 4, 20))
    with pytest.raises(ValidationFailed):
        mayor_report_approve(actor=people["chair"], report=report)  # no summary yet
    mayor_report_edit(
        actor=people["adviser"],
        report=report,
        expected_version=1,
        summary="Calm week.",
        recommendations="Name a counsel contact per shift.",
    )
    with pytest.raises(PermissionDenied):
        mayor_report_approve(actor=people["adviser"], report=report)
    mayor_report_approve(actor=people["chair"], report=report)
    duty.refresh_from_db()
    assert duty.status == Status.ACCEPTED
    c = login(people["chair"])
    pdf = pdf_via_worker(c, f"/staff/committee/reports/{report.pk}/report.pdf")
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content).startswith(b"%PDF")
    csv = c.get(f"/staff/committee/reports/{report.pk}/report.csv").content.decode()
    assert csv.splitlines()[0] == "record,office,what,due,status,overdue,section"
    assert "resource request,ACS,Two staff." in csv
    page = c.get(f"/staff/committee/reports/{report.pk}/")
    assert b"Name a counsel contact per shift." in page.content
