"""The auditor's page for the audit log (issue 13): filters, paging, labels not codes, the chain's check, CSV."""

import csv
import io

import pytest
from django.db import connection, transaction

from eo13.audit.actions import AuditAction
from eo13.audit.guards import guards_off
from eo13.audit.models import AuditEntry
from eo13.audit.services import audit_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(make_user):
    lead = make_user("agency_lead", "ACS")
    with transaction.atomic():
        for n in range(60):
            audit_record(
                actor=lead,
                action=AuditAction.ENCOUNTER_CREATE,
                model="access.Encounter",
                object_id=str(n),
                agency_code="ACS",
            )
        audit_record(actor="reminders", action=AuditAction.OBLIGATION_REMINDERS_SENT, agency_code="NYPD")
    return lead


@pytest.mark.parametrize(
    "role, agency",
    [("frontline", "ACS"), ("agency_lead", "ACS"), ("city_hall", "CITYHALL"), ("chief_privacy_officer", "MOIP")],
)
def test_only_auditors_read_the_audit_log(make_user, login, role, agency):
    assert login(make_user(role, agency)).get("/staff/audit-log/").status_code == 403


def test_the_auditor_filters_pages_and_reads_labels(entries, make_user, login):
    auditor = login(make_user("auditor", "DOI"))
    page = auditor.get("/staff/audit-log/").content.decode()
    table = page[page.index("<table") :]
    assert "Encounter recorded" in table and "encounter.create" not in table  # the label, not the code
    assert "page 1 of 2" in page and "Older" in page

    only = auditor.get("/staff/audit-log/", {"agency": "nypd"}).content.decode()
    only = only[only.rindex("</form>") :]
    assert "1 entry" in only and "NYPD" in only and "Encounter recorded" not in only
    one = auditor.get("/staff/audit-log/", {"record": "access.Encounter:7"}).content.decode()
    assert "1 entry" in one and "#7" in one
    who = auditor.get("/staff/audit-log/", {"who": entries.username[:12], "action": "encounter.create"})
    assert "60 entries" in who.content.decode()


def test_the_chain_check_says_whole_or_where_it_broke(entries, make_user, login):
    auditor = login(make_user("auditor", "DOI"))
    assert "The chain is whole" in auditor.get("/staff/audit-log/", {"verify": "1"}).content.decode()
    guards_off(connection)
    AuditEntry.objects.filter(object_id="7").update(agency_code="DOC")  # someone edits the table behind EO13's back
    broken = auditor.get("/staff/audit-log/", {"verify": "1"}).content.decode()
    assert "The chain is broken at entry" in broken


def test_the_csv_holds_what_the_filters_show_and_the_export_is_audited(entries, make_user, login):
    auditor_user = make_user("auditor", "DOI")
    response = login(auditor_user).get("/staff/audit-log/", {"agency": "NYPD", "format": "csv"})
    assert response["Content-Disposition"].startswith("attachment")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["seq", "at (UTC)", "who", "action", "what it means"]
    assert len(rows) == 2 and rows[1][4] == "Duty reminders sent"
    export = AuditEntry.objects.filter(action=AuditAction.EXPORT_AUDIT_LOG).get()
    assert export.actor_username == auditor_user.username and export.changes["filters"] == {"agency": "NYPD"}


def test_a_bad_filter_is_a_clear_error_and_exports_nothing(entries, make_user, login):
    auditor = login(make_user("auditor", "DOI"))
    page = auditor.get("/staff/audit-log/", {"since": "not-a-date"})
    assert page.status_code == 200 and "Enter a valid date" in page.content.decode()
    csv_try = auditor.get("/staff/audit-log/", {"since": "not-a-date", "format": "csv"})
    assert not csv_try.get("Content-Disposition")


def test_entries_cut_from_the_end_are_named_as_such_not_as_entry_none(entries, make_user, login):
    auditor = login(make_user("auditor", "DOI"))
    guards_off(connection)
    last = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    with connection.cursor() as cursor:  # an insider deletes the newest entry behind EO13's back
        cursor.execute(f"DELETE FROM {AuditEntry._meta.db_table} WHERE seq = %s", [last])
    broken = auditor.get("/staff/audit-log/", {"verify": "1"}).content.decode()
    assert "The chain is broken at the end of the log" in broken and "None" not in broken
