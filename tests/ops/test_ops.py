"""Operations (issue 14): /healthz and /readyz, the metrics endpoint's access rule, request ids in JSON logs,
task workers' check-ins and recovery, reminders sent once per person and day, rate limits from the environment."""

import json
import logging
from datetime import date, timedelta

import pytest
from django.core import mail
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from eo13.agencies.models import Agency
from eo13.obligations.models import ReminderDigest
from eo13.obligations.reminders import reminders_send
from eo13.obligations.services import obligation_event_record
from eo13.obligations.tasks import daily_obligations
from eo13.ops import workers
from eo13.ops.logs import JsonFormatter
from eo13.ops.middleware import logged_path
from eo13.ops.models import WorkerCheckIn


def test_readyz_is_ok_when_database_and_cache_answer(client, db):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json() == {"status": "ok", "database": True, "cache": True}


def test_healthz_reports_the_workers_last_check_in(client, db):
    seen = timezone.now() - timedelta(minutes=5)
    WorkerCheckIn.objects.create(worker_id="host-1", seen_at=seen, started_at=seen)
    body = client.get("/healthz").json()
    assert body["status"] == "ok"  # a silent worker does not take the web servers out of the load balancer
    assert body["worker"]["last_check_in"] == seen.isoformat()
    assert body["worker"]["ok"] is False and body["worker"]["seconds_ago"] >= 300


@pytest.mark.parametrize(
    "headers, remote, allowed",
    [
        ({}, "127.0.0.1", True),  # direct, from the machine itself
        ({}, "203.0.113.9", False),  # direct, from elsewhere
        ({"HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "127.0.0.1", False),  # through the proxy: the address is the proxy's
        ({"HTTP_AUTHORIZATION": "Bearer metrics-secret-for-tests"}, "203.0.113.9", True),
        ({"HTTP_AUTHORIZATION": "Bearer wrong"}, "203.0.113.9", False),
    ],
)
def test_metrics_only_with_the_token_or_from_allowed_addresses(client, db, settings, headers, remote, allowed):
    settings.EO13_METRICS_TOKEN = "metrics-secret-for-tests"
    client.get("/healthz")  # one answered request, so the request counter has a line to show
    r = client.get("/metrics", REMOTE_ADDR=remote, **headers)
    assert r.status_code == (200 if allowed else 403)
    if allowed:
        text = r.content.decode()
        for name in ("eo13_task_queue_depth", "eo13_task_queue_age_seconds", "eo13_reminder_failures_total"):
            assert f"\n{name} " in text
        assert "eo13_http_requests_total{" in text


def test_metrics_count_decisions_by_outcome(client, db):
    from eo13.access.models import DecisionLog

    DecisionLog.objects.create(
        kind="lot-use",
        outcome="needs_agreement",
        facts={},
        decision={},
        rules_version="test",
        as_of=date(2026, 11, 1),
        channel="api",
        agency=Agency.objects.get(code="DOT"),
    )
    text = client.get("/metrics", REMOTE_ADDR="127.0.0.1").content.decode()
    assert 'eo13_decisions_total{kind="lot-use",outcome="needs_agreement"} 1' in text


def test_every_response_carries_a_request_id_and_keeps_a_good_one(client, db):
    fresh = client.get("/healthz")["X-Request-ID"]
    assert len(fresh) == 32
    assert client.get("/healthz", HTTP_X_REQUEST_ID="proxy-abc-12345")["X-Request-ID"] == "proxy-abc-12345"
    # A header that could smuggle text into the log is replaced.
    assert client.get("/healthz", HTTP_X_REQUEST_ID="bad id\nwith newline")["X-Request-ID"] != "bad id\nwith newline"


def test_logged_query_strings_are_scrubbed(client, db):
    request = client.get("/en/rights/", {"q": "call me at 212-555-0147 or jane.doe@example.com"}).wsgi_request
    line = logged_path(request)
    assert "212-555-0147" not in line and "jane.doe@example.com" not in line
    assert line.startswith("/") and "rights/?" in line


def test_an_identifier_typed_into_the_address_reaches_neither_log_nor_metrics(client, db):
    client.get("/jane.doe@example.com/212-555-0147/")
    assert logged_path(client.get("/healthz").wsgi_request) == "/healthz"
    text = client.get("/metrics", REMOTE_ADDR="127.0.0.1").content.decode()
    assert "jane.doe" not in text and "212-555-0147" not in text
    assert 'route="<unmatched>",status="404"' in text


def test_log_lines_are_json_with_the_request_id():
    record = logging.LogRecord("eo13.request", logging.INFO, __file__, 1, "GET %s", ("/x",), None)
    record.request_id = "abc12345"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "GET /x" and line["request_id"] == "abc12345" and line["level"] == "INFO"


def _running_task(worker_id: str, started_ago: timedelta) -> DBTaskResult:
    result = daily_obligations.using(run_after=None).enqueue(on="2026-11-01", reschedule=False)
    row = DBTaskResult.objects.get(id=result.id)
    row.claim(worker_id)
    DBTaskResult.objects.filter(id=row.id).update(started_at=timezone.now() - started_ago)
    return row


def test_a_dead_workers_task_goes_back_to_the_queue(db):
    row = _running_task("host-dead", timedelta(minutes=5))
    WorkerCheckIn.objects.create(
        worker_id="host-dead", seen_at=timezone.now() - timedelta(minutes=1), started_at=timezone.now()
    )
    assert workers.requeue_orphans() == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY


def test_a_live_workers_task_is_left_alone(db):
    row = _running_task("host-alive", timedelta(minutes=5))
    workers.check_in("host-alive", timezone.now())
    assert workers.requeue_orphans() == 0
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


@pytest.fixture
def vacancy(db, make_user):
    lead = make_user("agency_lead", "DOT", username="demo-officer-alpha")
    privacy = make_user("privacy_officer", "DOT", username="demo-officer-bravo")
    obligation_event_record(
        actor="privacy", event="privacy-officer-vacancy", on=date(2026, 10, 1), agency=Agency.objects.get(code="DOT")
    )
    return lead, privacy


def test_a_reminder_run_started_again_sends_no_digest_twice(vacancy):
    lead, privacy = vacancy
    on = date(2026, 10, 17)
    # The first run died after mailing one person (its digest claimed and sent, the duty not yet marked reminded).
    ReminderDigest.objects.create(user=lead, sent_on=on, duties=1)
    assert reminders_send(on=on) == {"duties": 1, "emails": 1}
    assert [m.to[0] for m in mail.outbox] == [privacy.email]
    assert reminders_send(on=on) == {"duties": 0, "emails": 0}


def test_api_rate_limits_come_from_settings(settings):
    from eo13.api import api

    rates = sorted(t.rate for t in api.throttle)
    assert rates == sorted([settings.EO13_ANON_RATE, settings.EO13_API_RATE])


@pytest.mark.parametrize("name, takes_skip_checks", [("audit-verify", True), ("due", True), ("bootstrap", False)])
def test_data_commands_skip_system_checks(name, takes_skip_checks):
    from eo13.cli import SKIP_CHECKS, _has_checks

    assert _has_checks(name) is takes_skip_checks
    assert name in SKIP_CHECKS or not takes_skip_checks
