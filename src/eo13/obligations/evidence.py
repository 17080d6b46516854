"""Evidence files for obligations: a size limit, a type allow-list checked by content (never by name alone),
the SHA-256 kept, and an effective date separate from the upload date. Files are served only by a view that
checks permission first (settings.MEDIA_URL is None)."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from eo13.accounts.actors import Actor, person
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import StorageFull, ValidationFailed
from eo13.obligations.models import OPEN_STATUSES, Evidence, Obligation
from eo13.obligations.policy import OBLIGATION_POLICY
from eo13.text import clean_file_name


@dataclass(frozen=True)
class Kind:
    label: str
    mime: str
    extensions: tuple[str, ...]


# The allow-list: what a reviewer can open without risk.
ALLOWED = {
    "pdf": Kind("PDF", "application/pdf", (".pdf",)),
    "docx": Kind(
        "Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",)
    ),
    "xlsx": Kind("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
    "png": Kind("PNG image", "image/png", (".png",)),
    "jpg": Kind("JPEG image", "image/jpeg", (".jpg", ".jpeg")),
    "gif": Kind("GIF image", "image/gif", (".gif",)),
    "webp": Kind("WebP image", "image/webp", (".webp",)),
    "csv": Kind("CSV table", "text/csv", (".csv",)),
}
ALLOWED_TEXT = "PDF, Word (.docx), Excel (.xlsx), CSV, or an image (PNG, JPEG, GIF, WebP)"


def _looks_like_csv(data: bytes) -> bool:
    if b"\x00" in data[:4096]:
        return False
    try:
        text = data[:65536].decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if text.lstrip().startswith(("<", "{", "#!", "%PDF")):
        return False
    try:
        rows = list(csv.reader(io.StringIO(text)))[:20]
    except csv.Error:  # a NUL byte or a malformed quote: not a CSV we accept
        return False
    return bool(rows) and len(rows[0]) >= 2


def sniff(data: bytes) -> str | None:
    """The allow-listed kind the bytes really are, or None."""
    guess = filetype.guess(data[:8192]) if data else None
    if guess is not None:
        return guess.extension if guess.extension in ALLOWED else None
    return "csv" if _looks_like_csv(data) else None


def check_file(name: str, data: bytes) -> Kind:
    """Refuse an empty, oversize, unknown or mislabelled file with a clear message."""
    limit = settings.EO13_MAX_UPLOAD_BYTES
    if not data:
        raise ValidationFailed("The file is empty.", field="file")
    if len(data) > limit:
        raise ValidationFailed(f"The file is larger than {limit // (1024 * 1024)} MB.", field="file")
    kind_key = sniff(data)
    if kind_key is None:
        raise ValidationFailed(f"This kind of file is not accepted. Send a {ALLOWED_TEXT}.", field="file")
    kind = ALLOWED[kind_key]
    suffix = PurePath(name or "").suffix.lower()
    if suffix and suffix not in kind.extensions:
        raise ValidationFailed(
            f"The file is named '{suffix}' but its content is a {kind.label}. Rename it or send the right file.",
            field="file",
        )
    return kind


def _store(evidence: Evidence, name: str, data: bytes) -> None:
    """Write the file under its hash, or leave nothing behind.

    The stored name is the SHA-256 (``_evidence_path``), so the same bytes uploaded twice share one file rather than
    getting a storage suffix (issue 11); a second writer that raced us to the name drops its copy. Django's file
    storage keeps a partly written file when the disk fills up, so it is removed here and the caller's transaction
    rolls the record back (issue 14)."""
    storage = evidence.file.storage
    target = evidence.file.field.generate_filename(evidence, name)
    if storage.exists(target):
        evidence.file.name = target
        return
    try:
        stored = storage.save(target, ContentFile(data), max_length=evidence.file.field.max_length)
    except OSError as exc:
        with contextlib.suppress(OSError):
            if storage.exists(target):
                storage.delete(target)
        raise StorageFull(
            "The file could not be stored because the evidence store is full. Nothing was saved. "
            "Try again later, and tell your system administrator.",
            field="file",
        ) from exc
    if stored != target:  # the same bytes arrived meanwhile under the hash name
        storage.delete(stored)
    evidence.file.name = target


def evidence_add(
    *, actor: Actor, obligation: Obligation, name: str, data: bytes, effective_date: dt.date | None
) -> Evidence:
    """Attach one evidence file to a duty that is still open or was returned."""
    OBLIGATION_POLICY.require_write(actor, obligation)
    if obligation.status not in OPEN_STATUSES:
        raise ValidationFailed("Evidence can be added only while the duty is open or returned.", field="status")
    if effective_date is None:
        raise ValidationFailed("Give the date the evidence speaks for.", field="effective_date")
    kind = check_file(name, data)
    digest = hashlib.sha256(data).hexdigest()
    clean_name = clean_file_name(name, default=f"evidence{kind.extensions[0]}")
    with transaction.atomic():
        evidence = Evidence(
            obligation=obligation,
            original_name=clean_name,
            content_type=kind.mime,
            size=len(data),
            sha256=digest,
            effective_date=effective_date,
            uploaded_by=person(actor),
        )
        _store(evidence, digest, data)
        evidence.save()
        audit_record(
            actor=actor,
            action=AuditAction.OBLIGATION_EVIDENCE_ADD,
            target=evidence,
            agency_code=obligation.agency.code,
            changes={
                "obligation": {"new": obligation.pk},
                "sha256": {"new": digest},
                "type": {"new": kind.mime},
                "effective_date": {"new": effective_date.isoformat()},
            },
        )
    return evidence
