"""Fill the evidence disk (a 1 MB tmpfs mounted for the test): the upload fails with a clear answer and nothing is
half-written: no file, no record, no audit entry; the evidence already there is intact (issue 14)."""

from __future__ import annotations

import hashlib
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from eo13.audit.models import AuditEntry
from eo13.law.deadlines import ORDER_ISSUED
from eo13.obligations.models import Evidence, Obligation
from eo13.obligations.services import obligation_event_record

PDF_HEAD = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"


def pdf(size: int, fill: bytes) -> bytes:
    return PDF_HEAD + fill * (size - len(PDF_HEAD) - 6) + b"\n%%EOF"


@pytest.fixture
def small_disk(tmp_path: Path, settings) -> Iterator[Path]:
    disk = tmp_path / "evidence"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(disk)}},
    }
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_upload_to_a_full_disk_fails_cleanly(db, small_disk: Path, api_as, make_user) -> None:
    obligation_event_record(actor="bootstrap", event="order-issued", on=ORDER_ISSUED)
    duty = Obligation.objects.get(key="s2_audit_report", agency__code="ACS")
    api = api_as(make_user("agency_lead", "ACS"))
    url = f"/api/v1/obligations/{duty.pk}/evidence"
    first = pdf(600_000, b"a")
    ok = api.client.post(
        url, {"effective_date": "2026-05-01", "file": _upload("first.pdf", first)}, headers=api.headers
    )
    assert ok.status_code == 201, ok.content
    audit_before = AuditEntry.objects.count()
    files_before = sorted(p for p in small_disk.rglob("*") if p.is_file())

    second = pdf(600_000, b"b")  # does not fit in what is left
    full = api.client.post(
        url, {"effective_date": "2026-05-02", "file": _upload("second.pdf", second)}, headers=api.headers
    )

    assert full.status_code == 507
    assert "store is full" in full.json()["error"] and "Nothing was saved" in full.json()["error"]
    assert Evidence.objects.count() == 1
    assert AuditEntry.objects.count() == audit_before
    assert sorted(p for p in small_disk.rglob("*") if p.is_file()) == files_before  # no partial file left
    kept = Evidence.objects.get()
    assert (
        hashlib.sha256(Path(kept.file.path).read_bytes()).hexdigest()
        == kept.sha256
        == hashlib.sha256(first).hexdigest()
    )


def _upload(name: str, data: bytes):  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/pdf")
