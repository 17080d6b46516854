"""PDF reports made by the task worker, not in the web request (issue 13: "PDFs over a second are produced by the
task worker with a 'ready' notice").

Each app that has multi-page PDF reports lists them in ``<app>/pdfs.py`` as ``PDFS = {kind: builder}``; a builder
takes the user and the report's parameters, checks access exactly as the report page does, and returns a
``PdfSpec``. The web page enqueues ``make_pdf`` and sends the person to a page that says the PDF is being made and
then that it is ready. The finished file belongs to the person who asked for it; nobody else may download it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.tasks import task

from eo13.accounts.models import User
from eo13.discovery import app_modules
from eo13.errors import PermissionDenied
from eo13.pdf import render_pdf

FOLDER = "reports"


@dataclass(frozen=True)
class PdfSpec:
    template: str
    context: dict[str, Any]
    filename: str  # what the download is called, e.g. "eo13-report-to-the-mayor.pdf"


def builders() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for module in app_modules("pdfs"):
        found.update(module.PDFS)
    return found


@task
def make_pdf(*, kind: str, user_id: int, params: dict[str, Any]) -> dict[str, str]:
    """Build one report as the person who asked (their access, their view) and store it under a random name."""
    user = User.objects.get(pk=user_id, is_active=True)
    spec: PdfSpec = builders()[kind](user, **params)
    path = default_storage.save(
        f"{FOLDER}/{uuid.uuid4().hex}.pdf", ContentFile(render_pdf(spec.template, spec.context))
    )
    return {"path": path, "filename": spec.filename}


def pdf_later(request: HttpRequest, kind: str, **params: Any) -> HttpResponse:
    """Queue the PDF and send the person to its "being made" page. The builder runs once here too, so a person
    without access is refused now (403/404), not later in the worker."""
    if kind not in builders():
        raise LookupError(f"no PDF report called {kind!r}")
    builders()[kind](request.user, **params)
    user_id = request.user.pk
    if user_id is None:  # the report pages require sign-in; this is the worker's guarantee of whose PDF it is
        raise PermissionDenied("Sign in to make a report.")
    result = make_pdf.enqueue(kind=kind, user_id=user_id, params=params)
    return redirect("pdf-job", job=result.id)
