"""Protocols (EO 13 §6(2)), reports and public figures (EO 13 §6), retention and `eo13 purge`."""

import csv
import io
from datetime import date

import pytest
from django.core.management import call_command
from django.test import override_settings

from eo13.agencies.models import Agency
from eo13.audit.models import AuditEntry
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.privacy import selectors, services
from eo13.privacy.figures import public_figures
from eo13.privacy.models import IdentifyingInformationRequest as Request
from eo13.privacy.purge import discover_rules

pytestmark = pytest.mark.django_db


def _publish(cpo, n):
    return services.protocol_publish(actor=cpo, title=f"Protocol {n}", body="Steps.", effective_on=date(2026, 4, n))


def test_a_new_protocol_version_asks_every_officer_again(cpo, po, designate, api_as):
    designate()
    v1 = _publish(cpo, 1)
    api = api_as(po)
    assert api.post(f"/api/v1/privacy/protocols/{v1.pk}/acknowledgements").status_code == 201
    assert api.post(f"/api/v1/privacy/protocols/{v1.pk}/acknowledgements").status_code == 409
    acs = lambda: next(r for r in selectors.register_status(user=cpo) if r.agency.code == "ACS")  # noqa: E731
    assert acs().acknowledged_current_protocol
    v2 = _publish(cpo, 2)
    assert v2.number == 2
    assert "protocol_not_acknowledged" in acs().flags
    # the old version can no longer be acknowledged
    assert api.post(f"/api/v1/privacy/protocols/{v1.pk}/acknowledgements").status_code == 422
    assert api.post(f"/api/v1/privacy/protocols/{v2.pk}/acknowledgements").status_code == 201
    assert acs().acknowledged_current_protocol


def test_only_the_cpo_publishes_and_only_privacy_officers_acknowledge(cpo, po, make_user, designate):
    designate()
    with pytest.raises(PermissionDenied):
        services.protocol_publish(actor=po, title="x", body="y", effective_on=date(2026, 4, 1))
    v1 = _publish(cpo, 1)
    with pytest.raises(PermissionDenied):
        services.protocol_acknowledge(actor=make_user("agency_lead", "ACS"), protocol=v1)
    with pytest.raises(ValidationFailed):  # DOC has no privacy officer on the register
        services.protocol_acknowledge(actor=make_user("privacy_officer", "DOC"), protocol=v1)
    with pytest.raises(ConflictError):
        services.protocol_acknowledge(actor=po, protocol=v1)
        services.protocol_acknowledge(actor=po, protocol=v1)


def _request(po, received, instrument="informal_request", cats=("name",), decision=None):
    r = services.request_create(
        actor=po,
        agency=Agency.objects.get(code="ACS"),
        requesting_agency="Demo Federal Agency",
        instrument=instrument,
        received_on=received,
        categories=list(cats),
    )
    if decision:
        r = services.request_decide(
            actor=po, request=r, decision=decision, reasons="Per protocol.", decided_on=received, expected_version=1
        )
    return r


def test_report_counts_by_instrument_category_and_outcome_over_a_period(po, cpo, api_as):
    _request(po, date(2026, 3, 1), cats=("citizenship_or_immigration_status",), decision="decline")
    _request(po, date(2026, 6, 1), cats=("gender_affirming_care", "name"))
    _request(po, date(2026, 9, 1))
    api = api_as(cpo)
    whole = api.get("/api/v1/privacy/reports/requests").json()
    assert whole["total"] == 3
    part = api.get("/api/v1/privacy/reports/requests?start=2026-05-01&end=2026-12-31").json()
    assert part["total"] == 2
    cats = {c["key"]: (c["count"], c["flagged"]) for c in part["by_category"]}
    assert cats["gender_affirming_care"] == (1, True) and cats["citizenship_or_immigration_status"] == (0, True)
    outcomes = {o["key"]: o["count"] for o in whole["by_outcome"]}
    assert outcomes == {"disclose_required": 0, "partial": 0, "decline": 1, "pending": 2}
    assert api.get("/api/v1/privacy/reports/requests?start=2026-05-01&end=2026-01-01").status_code == 422


def test_exports_are_logged_with_who_and_what(po, cpo, api_as, login):
    _request(po, date(2026, 3, 1))
    res = api_as(cpo).get("/api/v1/privacy/reports/requests.csv?start=2026-01-01")
    assert res.status_code == 200 and res["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(res.content.decode())))
    assert ["totals", "total", "Requests", "1"] in rows
    web = login(cpo).get("/staff/privacy/reports/export.csv?start=2026-01-01&end=2026-12-31")
    assert web.status_code == 200
    entries = list(AuditEntry.objects.filter(action="privacy_report.export"))
    assert [e.actor_username for e in entries] == [cpo.username, cpo.username]
    assert entries[1].changes["start"]["new"] == "2026-01-01" and entries[1].changes["end"]["new"] == "2026-12-31"


def test_public_figures_are_aggregates_with_citations(po, cpo, designate):
    designate()
    _request(po, date(2026, 3, 1), cats=("citizenship_or_immigration_status",), decision="decline")
    figures = {f["key"]: f for f in public_figures()}
    assert figures["ii_requests"]["count"] == 1
    assert figures["ii_requests_immigration"]["count"] == 1
    assert figures["ii_requests_declined"]["count"] == 1
    assert figures["privacy_officers"]["count"] == 1
    for f in figures.values():
        assert set(f) <= {"key", "label", "count", "section", "counts_people", "period"} and f["section"].startswith(
            "EO 13 §6"
        )
        assert isinstance(f["count"], int)


def test_purge_applies_retention_keeps_open_requests_and_records_that_it_ran(po, capsys):
    old_decided = _request(po, date(2026, 2, 10), decision="decline")
    old_open = _request(po, date(2026, 2, 11))
    recent = _request(po, date(2026, 11, 1), decision="decline")
    assert "identifying_information_request" in {r.record_type for r in discover_rules()}
    with override_settings(EO13_RETENTION_DAYS={"identifying_information_request": 100, "encounter": 10}):
        call_command("purge", "--dry-run", "--today", "2026-11-27")
        assert Request.objects.count() == 3
        call_command("purge", "--today", "2026-11-27")
    out = capsys.readouterr().out
    assert "would delete 1" in out and "deleted 1" in out
    assert set(Request.objects.values_list("pk", flat=True)) == {old_open.pk, recent.pk}
    assert not Request.objects.filter(pk=old_decided.pk).exists()
    entry = AuditEntry.objects.filter(action="retention.purge").get()
    assert entry.changes["identifying_information_request"]["new"]["count"] == 1
    # Every retention setting has a rule (the access app's encounter and decision-log rules included).
    assert "no_rule" not in entry.changes
    assert entry.changes["encounter"]["new"]["count"] == 0 and entry.changes["decision_log"]["new"]["count"] == 0
    assert AuditEntry.objects.filter(action="retention.purge_dry_run").count() == 1


def test_purge_refuses_a_bad_date():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("purge", "--today", "next week")
    assert not AuditEntry.objects.filter(action__startswith="retention").exists()
