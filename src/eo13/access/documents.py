"""Agreement documents: PDF only, checked by content (the evidence checker's sniffing), size-limited."""

import hashlib
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from eo13.errors import ValidationFailed
from eo13.obligations.evidence import sniff


def file_sha256(f: UploadedFile[Any]) -> str:
    h = hashlib.sha256()
    for chunk in f.chunks():
        h.update(chunk)
    f.seek(0)
    return h.hexdigest()


def check_pdf(f: UploadedFile[Any]) -> str:
    """The document's SHA-256, once it is known to be a PDF within the size limit."""
    if f.size is not None and f.size > settings.EO13_MAX_UPLOAD_BYTES:
        raise ValidationFailed("The file is too large.", "document")
    head = f.read(8192)
    f.seek(0)
    if sniff(head) != "pdf":
        raise ValidationFailed("The agreement document must be a PDF file.", "document")
    return file_sha256(f)
