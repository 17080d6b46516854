"""Evidence: type checked by content against an allow-list, size-limited, SHA-256 kept, an effective date apart
from the upload date, and served only after a permission check."""

import hashlib
from datetime import date

import pytest

from eo13.audit.models import AuditEntry
from eo13.errors import PermissionDenied, ValidationFailed
from eo13.obligations.evidence import evidence_add, sniff
from eo13.obligations.models import Evidence, Obligation
from tests.obligations.helpers import CSV, PDF, PNG, docx


@pytest.fixture
def duty(order_issued):
    return Obligation.objects.get(key="s2_audit_report", agency__code="ACS")


@pytest.mark.parametrize(
    "data, kind",
    [
        (PDF, "pdf"),
        (PNG, "png"),
        (CSV, "csv"),
        (docx(), "docx"),
        (b"MZ\x90\x00" + b"\x00" * 60, None),
        (b"<html><script>alert(1)</script></html>", None),
        (b"just one column\nof text\n", None),
    ],
)
def test_types_are_read_from_the_content(data, kind):
    assert sniff(data) == kind


def test_upload_keeps_hash_type_and_effective_date(duty, make_user):
    lead = make_user("agency_lead", "ACS")
    ev = evidence_add(actor=lead, obligation=duty, name="ACS audit.pdf", data=PDF, effective_date=date(2026, 5, 1))
    assert ev.sha256 == hashlib.sha256(PDF).hexdigest()
    assert ev.content_type == "application/pdf" and ev.size == len(PDF)
    assert ev.effective_date == date(2026, 5, 1) and ev.uploaded_at.date() != ev.effective_date
    assert ev.file.read() == PDF and "ACS audit" not in ev.file.name
    assert AuditEntry.objects.filter(action="obligation.evidence_add", object_id=str(ev.pk)).exists()


def test_the_same_file_twice_is_stored_once_under_its_hash(duty, make_user):
    """Issue 11: a second upload used to get a storage suffix, so the stored name was no longer the hash."""
    lead = make_user("agency_lead", "ACS")
    digest = hashlib.sha256(PDF).hexdigest()
    first, second = (
        evidence_add(actor=lead, obligation=duty, name=n, data=PDF, effective_date=date(2026, 5, 1))
        for n in ("one.pdf", "two.pdf")
    )
    assert first.file.name == second.file.name == f"evidence/{digest[:2]}/{digest}"
    assert first.file.storage.listdir(f"evidence/{digest[:2]}")[1] == [digest]
    assert second.file.read() == PDF and first.pk != second.pk


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("report.pdf", b"MZ\x90\x00" + b"\x00" * 60, "not accepted"),
        ("report.pdf", PNG, "named '.pdf' but its content is a PNG image"),
        ("table.csv", PDF, "named '.csv' but its content is a PDF"),
        ("page.html", b"<html><body>hi</body></html>", "not accepted"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_files_that_lie_or_are_not_allowed_are_refused(duty, make_user, name, data, message):
    lead = make_user("agency_lead", "ACS")
    audits = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed, match=message):
        evidence_add(actor=lead, obligation=duty, name=name, data=data, effective_date=date(2026, 5, 1))
    assert Evidence.objects.count() == 0 and AuditEntry.objects.count() == audits


def test_size_limit(duty, make_user, settings):
    settings.EO13_MAX_UPLOAD_BYTES = 1024 * 1024
    with pytest.raises(ValidationFailed, match="larger than 1 MB"):
        evidence_add(
            actor=make_user("agency_lead", "ACS"),
            obligation=duty,
            name="big.pdf",
            data=PDF + b"0" * (1024 * 1024),
            effective_date=date(2026, 5, 1),
        )
    assert Evidence.objects.count() == 0


def test_another_agency_cannot_add_or_download(duty, make_user, login):
    lead = make_user("agency_lead", "ACS")
    ev = evidence_add(actor=lead, obligation=duty, name="a.pdf", data=PDF, effective_date=date(2026, 5, 1))
    with pytest.raises(PermissionDenied):
        evidence_add(
            actor=make_user("agency_lead", "NYPD"),
            obligation=duty,
            name="b.pdf",
            data=PDF,
            effective_date=date(2026, 5, 1),
        )
    url = f"/staff/obligations/{duty.pk}/evidence/{ev.pk}/"
    assert login(make_user("agency_lead", "NYPD")).get(url).status_code == 404
    assert login(make_user("frontline", "ACS")).get(url).status_code == 404
    response = login(lead).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert login(make_user("city_hall", "CITYHALL")).get(url).status_code == 200
