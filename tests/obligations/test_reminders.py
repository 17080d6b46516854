"""Reminders (issue 4): 14, 7 and 1 days before and the day a duty becomes overdue; never twice for the same
threshold; one digest per person. Real mail through Django's outbox; the task runs on Django's tasks framework."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from eo13.agencies.models import Agency
from eo13.obligations.models import Obligation, ReminderSent, Status
from eo13.obligations.reminders import reminders_send, threshold_for
from eo13.obligations.services import obligation_event_record
from eo13.obligations.tasks import daily_obligations, ensure_daily_reminders

VACANCY = date(2026, 10, 1)  # replacement due 2026-10-31


@pytest.mark.parametrize(
    "left, threshold", [(20, None), (15, None), (14, 14), (8, 14), (7, 7), (2, 7), (1, 1), (0, 1), (-1, -1), (-40, -1)]
)
def test_thresholds(left, threshold):
    assert threshold_for(left) == threshold


@pytest.fixture
def vacancy(db, make_user):
    lead = make_user("agency_lead", "DOT", username="demo-officer-alpha")
    privacy = make_user("privacy_officer", "DOT", username="demo-officer-bravo")
    make_user("agency_lead", "DOP", username="demo-officer-charlie")  # another agency: hears nothing
    (duty,) = obligation_event_record(
        actor="privacy", event="privacy-officer-vacancy", on=VACANCY, agency=Agency.objects.get(code="DOT")
    )
    return duty, lead, privacy


@pytest.mark.parametrize(
    "on, expect",
    [
        (date(2026, 10, 17), "due in 14 days"),
        (date(2026, 10, 24), "due in 7 days"),
        (date(2026, 10, 30), "due tomorrow"),
        (date(2026, 11, 1), "now overdue"),
    ],
)
def test_each_threshold_mails_the_responsible_people_once(vacancy, on, expect):
    duty, lead, privacy = vacancy
    assert reminders_send(on=on) == {"duties": 1, "emails": 2}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lead.email, privacy.email])
    body = mail.outbox[0].body
    assert expect in body and duty.title in body and "EO 13 §6" in body and "Saturday, October 31, 2026" in body
    assert f"/staff/obligations/{duty.pk}/" in body
    mail.outbox.clear()
    assert reminders_send(on=on) == {"duties": 0, "emails": 0}
    assert mail.outbox == []


def test_nothing_before_the_first_threshold_and_nothing_after_done(vacancy):
    duty, _, _ = vacancy
    reminders_send(on=date(2026, 10, 10))
    assert mail.outbox == []
    Obligation.objects.filter(pk=duty.pk).update(status=Status.SUBMITTED)
    reminders_send(on=date(2026, 10, 30))
    assert mail.outbox == []


def test_a_missed_run_sends_only_the_most_urgent_threshold(vacancy):
    reminders_send(on=date(2026, 10, 29))  # 2 days left: the 7-day threshold, never the 14-day one late
    assert set(ReminderSent.objects.values_list("threshold", flat=True)) == {7}
    reminders_send(on=date(2026, 10, 30))
    assert set(ReminderSent.objects.values_list("threshold", flat=True)) == {7, 1}


def test_a_digest_rather_than_a_flood(order_issued, make_user):
    lead = make_user("agency_lead", "ACS")
    reminders_send(on=date(2026, 11, 27))
    mine = [m for m in mail.outbox if m.to == [lead.email]]
    assert len(mine) == 1
    assert "duties need attention" in mine[0].subject
    assert "Audit your policies and report to the Mayor" in mine[0].body
    assert "Name your privacy officer" in mine[0].body


# The task worker commits and closes connections as it would in production, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_the_daily_task_runs_on_the_tasks_framework(vacancy):
    result = daily_obligations.enqueue(on="2026-10-24", reschedule=False)
    row = DBTaskResult.objects.get(id=result.id)
    assert row.status == "READY" and row.task_path.endswith("daily_obligations")
    from django.core.management import call_command

    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL", row.traceback
    assert row.return_value["duties"] == 1 and len(mail.outbox) == 2


def test_start_up_schedules_one_daily_run(db):
    assert ensure_daily_reminders() is True
    assert ensure_daily_reminders() is False
    waiting = DBTaskResult.objects.filter(task_path__endswith="daily_obligations", status="READY").get()
    assert waiting.run_after.hour in (11, 12)  # 7 a.m. in New York, in UTC


# The task worker commits and closes connections as it would in production, so this test commits for real.
@pytest.mark.django_db(transaction=True)
def test_a_failed_daily_run_is_recorded_and_retried_not_the_end_of_reminders(vacancy, monkeypatch):
    """Issue 11: one SMTP error used to stop the daily chain for good."""
    from django.core.management import call_command

    def smtp_down(*args, **kwargs):
        raise ConnectionRefusedError("SMTP server down")

    monkeypatch.setattr("eo13.obligations.reminders.reminders_send", smtp_down)
    failed = daily_obligations.enqueue(on="2026-10-24")
    call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
    row = DBTaskResult.objects.get(id=failed.id)
    assert row.status == "FAILED" and "SMTP server down" in row.traceback
    retry = DBTaskResult.objects.filter(task_path__endswith="daily_obligations", status="READY").get()
    assert timedelta(minutes=30) < retry.run_after - row.finished_at <= timedelta(hours=1)
