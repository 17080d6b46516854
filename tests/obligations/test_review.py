"""The review cycle: open → submitted (with evidence and a note) → accepted, or returned with comments;
out-of-order changes refused; two reviewers conflict instead of overwriting; every change audited."""

from datetime import date

import pytest

from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.obligations.evidence import evidence_add
from eo13.obligations.models import Evidence, Obligation, Status
from eo13.obligations.selectors import due_state, obligation_list
from eo13.obligations.services import obligation_accept, obligation_return, obligation_submit
from tests.obligations.helpers import PDF


@pytest.fixture
def audit_duty(order_issued):
    return Obligation.objects.get(key="s2_audit_report", agency__code="ACS")


@pytest.fixture
def people(make_user):
    return {
        "lead": make_user("agency_lead", "ACS"),
        "other_lead": make_user("agency_lead", "NYPD"),
        "hall": make_user("city_hall", "CITYHALL"),
        "hall2": make_user("city_hall", "CITYHALL"),
        "auditor": make_user("auditor", "DOI"),
    }


def _with_evidence(duty, lead):
    evidence_add(actor=lead, obligation=duty, name="audit.pdf", data=PDF, effective_date=date(2026, 5, 1))
    duty.refresh_from_db()
    return duty


def test_submit_return_resubmit_accept(audit_duty, people):
    lead, hall = people["lead"], people["hall"]
    duty = _with_evidence(audit_duty, lead)
    duty = obligation_submit(actor=lead, obligation=duty, expected_version=duty.version, note="Audit done.")
    assert duty.status == Status.SUBMITTED and duty.submitted_by == lead
    duty = obligation_return(actor=hall, obligation=duty, expected_version=duty.version, comments="Add training.")
    assert duty.status == Status.RETURNED
    duty = obligation_submit(actor=lead, obligation=duty, expected_version=duty.version, note="Training added.")
    duty = obligation_accept(actor=hall, obligation=duty, expected_version=duty.version)
    assert duty.status == Status.ACCEPTED and duty.completed_on is not None
    steps = list(duty.actions.values_list("action", "to_status"))
    assert steps == [
        ("created", "open"),
        ("submitted", "submitted"),
        ("returned", "returned"),
        ("submitted", "submitted"),
        ("accepted", "accepted"),
    ]
    audited = list(
        AuditEntry.objects.filter(model="obligations.Obligation", object_id=str(duty.pk)).values_list(
            "action", flat=True
        )
    )
    assert audited == ["obligation.submitted", "obligation.returned", "obligation.submitted", "obligation.accepted"]


def test_two_reviewers_at_once_conflict(audit_duty, people):
    duty = _with_evidence(audit_duty, people["lead"])
    duty = obligation_submit(actor=people["lead"], obligation=duty, expected_version=duty.version, note="Done.")
    seen_by_first = Obligation.objects.get(pk=duty.pk)
    seen_by_second = Obligation.objects.get(pk=duty.pk)
    obligation_accept(actor=people["hall"], obligation=seen_by_first, expected_version=seen_by_first.version)
    with pytest.raises(ConflictError):
        obligation_return(
            actor=people["hall2"],
            obligation=seen_by_second,
            expected_version=seen_by_second.version,
            comments="Missing pages.",
        )
    assert Obligation.objects.get(pk=duty.pk).status == Status.ACCEPTED


@pytest.mark.parametrize(
    "step, message",
    [
        ("accept_open", "cannot be accepted now"),
        ("return_open", "cannot be returned now"),
        ("submit_without_evidence", "Add at least one evidence file"),
        ("submit_without_note", "Write a short note"),
    ],
)
def test_out_of_order_changes_are_refused_and_change_nothing(audit_duty, people, step, message):
    before = (audit_duty.status, audit_duty.version, AuditEntry.objects.count(), audit_duty.actions.count())
    with pytest.raises(ValidationFailed, match=message):
        if step == "accept_open":
            obligation_accept(actor=people["hall"], obligation=audit_duty, expected_version=audit_duty.version)
        elif step == "return_open":
            obligation_return(actor=people["hall"], obligation=audit_duty, expected_version=1, comments="x")
        elif step == "submit_without_evidence":
            obligation_submit(actor=people["lead"], obligation=audit_duty, expected_version=1, note="Done.")
        else:
            _with_evidence(audit_duty, people["lead"])
            obligation_submit(actor=people["lead"], obligation=audit_duty, expected_version=1, note="  ")
    audit_duty.refresh_from_db()
    assert (audit_duty.status, audit_duty.version) == before[:2]
    assert audit_duty.actions.count() == before[3]


@pytest.mark.parametrize("who", ["other_lead", "auditor", "hall"])
def test_only_the_office_itself_submits(audit_duty, people, who):
    duty = _with_evidence(audit_duty, people["lead"])
    with pytest.raises(PermissionDenied):
        obligation_submit(actor=people[who], obligation=duty, expected_version=duty.version, note="Done.")
    assert Obligation.objects.get(pk=duty.pk).status == Status.OPEN


@pytest.mark.parametrize("who", ["lead", "auditor"])
def test_only_city_hall_reviews(audit_duty, people, who):
    duty = _with_evidence(audit_duty, people["lead"])
    duty = obligation_submit(actor=people["lead"], obligation=duty, expected_version=duty.version, note="Done.")
    with pytest.raises(PermissionDenied):
        obligation_accept(actor=people[who], obligation=duty, expected_version=duty.version)
    assert Obligation.objects.get(pk=duty.pk).status == Status.SUBMITTED


def test_city_hall_does_not_accept_its_own_submission(order_issued, people):
    duty = Obligation.objects.filter(key="s7_1_f_mayor_reports").first()
    evidence_add(actor=people["hall"], obligation=duty, name="r.pdf", data=PDF, effective_date=date(2026, 5, 1))
    duty = obligation_submit(actor=people["hall"], obligation=duty, expected_version=duty.version, note="Sent.")
    with pytest.raises(PermissionDenied, match="other than"):
        obligation_accept(actor=people["hall"], obligation=duty, expected_version=duty.version)
    assert obligation_accept(actor=people["hall2"], obligation=duty, expected_version=duty.version).status == "accepted"


def test_notes_are_scrubbed(audit_duty, people):
    duty = _with_evidence(audit_duty, people["lead"])
    duty = obligation_submit(
        actor=people["lead"],
        obligation=duty,
        expected_version=duty.version,
        note="Client name is Maria Lopez, call 212-555-0147",
    )
    note = duty.actions.last().note
    assert "212-555-0147" not in note and "Maria" not in note


def test_overdue_and_due_soon_are_derived(audit_duty, people):
    assert due_state(audit_duty, date(2026, 4, 1)) == ""
    assert due_state(audit_duty, date(2026, 4, 30)) == "due-soon"
    assert due_state(audit_duty, date(2026, 5, 7)) == "due-soon"
    assert due_state(audit_duty, date(2026, 5, 8)) == "overdue"
    late = obligation_list(people["hall"], state="overdue")
    assert audit_duty in late  # today (2026-11-27) is after 2026-05-07
    assert not obligation_list(people["other_lead"], agency="ACS").exists()  # NYPD sees only NYPD
    assert Evidence.objects.count() == 0
