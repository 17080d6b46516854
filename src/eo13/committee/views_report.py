"""Reports to the Mayor (EO 13 §7(1)(f)): assembled from a crisis's records, edited, approved by the chair, and
produced as HTML, PDF (WeasyPrint) and CSV like the other reports."""

from __future__ import annotations

import io
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eo13 import spreadsheet
from eo13.clock import today
from eo13.committee import policy, selectors
from eo13.committee.forms import ReportEditForm
from eo13.committee.models import MayorReport
from eo13.committee.services.requests import mayor_report_approve, mayor_report_edit
from eo13.committee.webutil import run
from eo13.errors import ValidationFailed
from eo13.web.decorators import staff_page
from eo13.web.pdf_jobs import pdf_later


def assemble(user: Any, report: MayorReport) -> dict[str, Any]:
    """Everything the report draws on: the crisis, its timeline, actions, requests, contacts and open risks."""
    crisis = report.crisis
    on = today()
    tasks = list(selectors.tasks(user, crisis=crisis))
    requests = list(selectors.resource_requests(user, crisis=crisis))
    return {
        "report": report,
        "crisis": crisis,
        "agencies": [a.code for a in crisis.agencies.all()],
        "timeline": list(crisis.timeline.all()[:50]),
        "tasks": [(t, selectors.is_overdue(t, on)) for t in tasks],
        "requests": [(r, selectors.is_overdue(r, on)) for r in requests],
        "contacts": list(crisis.contacts.all()),
        "risks": list(selectors.risks(user).filter(closed=False)[:20]),
        "today": on,
    }


@staff_page
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.mayor_report_get(request.user, pk)
    form = ReportEditForm(
        request.POST or None,
        initial={"version": report.version, "summary": report.summary, "recommendations": report.recommendations},
    )
    if request.method == "POST":

        def call(d: dict[str, Any]) -> Any:
            return mayor_report_edit(
                actor=request.user,
                report=report,
                expected_version=d["version"],
                summary=d["summary"],
                recommendations=d["recommendations"],
            )

        if run(request, form, call, "Report saved.") is not None:
            return redirect("committee:report", pk=report.pk)
    context = assemble(request.user, report) | {
        "form": form,
        "can_edit": policy.is_leadership(request.user) and report.status == "draft",
        "is_chair": policy.is_chair(request.user),
    }
    return render(request, "committee/report.html", context)


@staff_page
@require_POST
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.mayor_report_get(request.user, pk)
    try:
        mayor_report_approve(actor=request.user, report=report)
    except ValidationFailed as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Approved. The report is final.")
    return redirect("committee:report", pk=report.pk)


@staff_page
def report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = selectors.mayor_report_get(request.user, pk)
    if fmt == "pdf":  # several pages: the task worker makes it (eo13.web.pdf_jobs)
        return pdf_later(request, "committee-report", pk=report.pk)
    context = assemble(request.user, report)
    name = f"eo13-committee-report-{report.pk}"
    if fmt == "csv":
        out = io.StringIO()
        w = spreadsheet.writer(out)
        w.writerow(["record", "office", "what", "due", "status", "overdue", "section"])
        for t, late in context["tasks"]:
            w.writerow(
                ["action", t.agency.code, t.description, t.due, t.status, "yes" if late else "no", "EO 13 §7(1)"]
            )
        for r, late in context["requests"]:
            section = "EO 13 §8(2)"
            w.writerow(
                ["resource request", r.agency.code, r.description, r.due, r.answer, "yes" if late else "no", section]
            )
        for e in context["timeline"]:
            w.writerow(["timeline", "", e.text, e.at.date(), "", "", "EO 13 §7"])
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        raise Http404("Reports come as pdf or csv; the page itself is the HTML.")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
