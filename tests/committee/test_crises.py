"""EO 13 §7(1): crises, the timeline, guidance approved by the chair, and actions that become duties in the
agency's workspace, reminders and calendar."""

import pytest

from eo13.audit.models import AuditEntry
from eo13.committee.models import Crisis, CrisisTask, Guidance, TimelineEntry
from eo13.committee.services.crises import (
    crisis_open,
    guidance_approve,
    guidance_confirm,
    guidance_draft,
    guidance_send,
    task_answer,
    task_assign,
    timeline_post,
)
from eo13.errors import NotFound, PermissionDenied, ValidationFailed
from eo13.obligations import selectors as ob_selectors
from eo13.obligations.models import Status
from eo13.obligations.reminders import reminders_due
from tests.committee.helpers import D


def _crisis(actor, **kw):
    args = {"title": "Fictional flood", "kind": "weather", "starts_on": D(2026, 4, 1), "agency_codes": ["ACS", "DOC"]}
    return crisis_open(actor=actor, **(args | kw))


def test_an_action_becomes_a_duty_in_the_agency_workspace_and_reminders(people):
    crisis = _crisis(people["chair"])
    task = task_assign(
        actor=people["chair"], crisis=crisis, agency_code="ACS", description="Check field offices.", due=D(2026, 4, 10)
    )
    duty = task.obligation
    assert (duty.agency.code, duty.key, duty.section, duty.due) == (
        "ACS",
        "s7_1_committee_action",
        "EO 13 §7(1)",
        D(2026, 4, 10),
    )
    ws = ob_selectors.workspace(people["lead_acs"], duty.agency)
    assert duty in ws.owe and "Check field offices." in duty.title
    assert duty in [i.obligation for i in reminders_due(D(2026, 4, 9))]  # due tomorrow
    task_answer(actor=people["lead_acs"], task=task, answer="All 12 field offices checked.")
    duty.refresh_from_db()
    assert duty.status == Status.ACCEPTED
    assert AuditEntry.objects.filter(action="committee_task.answer", object_id=str(task.pk)).exists()


def test_a_data_request_is_answered_with_a_number_and_scrubbed_text(people):
    crisis = _crisis(people["chair"])
    task = task_assign(
        actor=people["chair"],
        crisis=crisis,
        agency_code="ACS",
        kind="data_request",
        description="How many visits?",
        due=D(2026, 4, 10),
    )
    task_answer(actor=people["lead_acs"], task=task, answer="Call 212-555-0142 for details", number="7")
    task.refresh_from_db()
    assert task.answer_number == 7
    assert "212-555-0142" not in task.answer


def test_another_agency_cannot_answer(people):
    crisis = _crisis(people["chair"])
    task = task_assign(actor=people["chair"], crisis=crisis, agency_code="ACS", description="x", due=D(2026, 4, 10))
    with pytest.raises(PermissionDenied):
        task_answer(actor=people["lead_doc"], task=task, answer="done")


@pytest.mark.parametrize(
    ("kw", "field"),
    [
        ({"agency_codes": ["ACS", "NOPE"]}, "agencies"),
        ({"ends_on": D(2026, 3, 1)}, "ends_on"),
        ({"severity": 9}, "severity"),
        ({"boroughs": ["atlantis"]}, "boroughs"),
        ({"title": ""}, "title"),
    ],
)
def test_bad_crises_are_refused_and_nothing_is_written(people, kw, field):
    with pytest.raises((ValidationFailed, NotFound)) as exc:  # an unknown code is NotFound
        _crisis(people["chair"], **kw)
    assert exc.value.field == field
    assert not Crisis.objects.exists()


def test_an_action_due_before_the_crisis_or_to_an_unknown_office_writes_nothing(people):
    crisis = _crisis(people["chair"])
    for kw in ({"agency_code": "ZZZ", "due": D(2026, 4, 10)}, {"agency_code": "ACS", "due": D(2026, 3, 1)}):
        with pytest.raises((ValidationFailed, NotFound)):
            task_assign(actor=people["chair"], crisis=crisis, description="x", **kw)
    assert not CrisisTask.objects.exists()


def test_only_leadership_opens_crises_and_only_members_post(people):
    with pytest.raises(PermissionDenied):
        _crisis(people["lead_acs"])
    crisis = _crisis(people["adviser"])
    timeline_post(actor=people["member_acs"], crisis=crisis, text="Field office quiet.")
    with pytest.raises(PermissionDenied):
        timeline_post(actor=people["lead_acs"], crisis=crisis, text="x")
    assert TimelineEntry.objects.count() == 1


def test_guidance_is_versioned_approved_by_the_chair_sent_and_confirmed(people):
    crisis = _crisis(people["chair"])
    v1 = guidance_draft(
        actor=people["adviser"], crisis=crisis, kind="guidance", title="At the door", body="Call counsel."
    )
    with pytest.raises(ValidationFailed):
        guidance_send(actor=people["adviser"], guidance=v1, agency_codes=["ACS"])  # not approved
    with pytest.raises(PermissionDenied):
        guidance_approve(actor=people["adviser"], guidance=v1)
    v2 = guidance_draft(
        actor=people["adviser"],
        crisis=crisis,
        kind="guidance",
        title="At the door",
        body="Call counsel first.",
        supersedes=v1,
    )
    assert v2.version == 2
    guidance_approve(actor=people["chair"], guidance=v2)
    (delivery,) = guidance_send(actor=people["adviser"], guidance=v2, agency_codes=["ACS"])
    with pytest.raises(PermissionDenied):
        guidance_confirm(actor=people["lead_doc"], delivery=delivery)
    guidance_confirm(actor=people["lead_acs"], delivery=delivery)
    assert delivery.confirmed_at is not None
    assert Guidance.objects.get(pk=v2.pk).status == "sent"


def test_the_crisis_page_shows_the_timeline_and_the_fragment_polls(people, login):
    crisis = _crisis(people["chair"])
    entry = timeline_post(actor=people["chair"], crisis=crisis, text="First update.")
    c = login(people["member_acs"])
    page = c.get(f"/staff/committee/crises/{crisis.pk}/")
    assert page.status_code == 200 and b"First update." in page.content
    assert b'hx-trigger="every 3s"' in page.content and b"Reload the page" in page.content
    assert c.get(f"/staff/committee/crises/{crisis.pk}/timeline/?after={entry.pk}").status_code == 204
    timeline_post(actor=people["chair"], crisis=crisis, text="Second update.")
    fresh = c.get(f"/staff/committee/crises/{crisis.pk}/timeline/?after={entry.pk}")
    assert fresh.status_code == 200 and b"Second update." in fresh.content


def test_posting_an_update_from_the_page_without_javascript(people, login):
    crisis = _crisis(people["chair"])
    c = login(people["chair"])
    r = c.post(f"/staff/committee/crises/{crisis.pk}/", {"form": "update", "update-text": "Posted by form."})
    assert r.status_code == 302
    bad = c.post(
        f"/staff/committee/crises/{crisis.pk}/",
        {
            "form": "task",
            "task-agency": "ACS",
            "task-kind": "action",
            "task-description": "x",
            "task-due": "2026-01-01",
        },
    )
    assert bad.status_code == 200 and b"must not be before" in bad.content
    assert not CrisisTask.objects.exists()


def test_encounter_counts_under_five_are_suppressed_outside_the_committee(people):
    from django.utils import timezone

    from eo13.access.models import Encounter
    from eo13.agencies.models import Agency
    from eo13.committee.selectors import encounter_picture

    crisis = _crisis(people["chair"], ends_on=D(2026, 4, 30))
    acs = Agency.objects.get(code="ACS")
    at = timezone.make_aware(timezone.datetime(2026, 4, 5, 10))
    for _ in range(3):
        Encounter.objects.create(
            agency=acs, occurred_at=at, requesting_agency="ice", request_kind="use_lot", city_response="declined"
        )
    committee = encounter_picture(people["chair"], crisis)
    auditor = encounter_picture(people["auditor"], crisis)
    assert committee.by_agency == [("ACS", 3)] and committee.total == 3
    assert auditor.by_agency == [("ACS", None)] and auditor.total is None
