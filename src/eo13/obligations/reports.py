"""Reports: the §2 audit report of each of the six agencies, and City Hall's report to the Mayor compiled from
the live status of every duty, as HTML, PDF (WeasyPrint) and CSV (EO 13 §2, §7(1)(f))."""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from eo13 import clock, spreadsheet
from eo13.accounts.policy import require_role
from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.errors import ConflictError, NotFound, ValidationFailed
from eo13.law.obligations import BY_KEY, CATALOGUE, RULES_VERSION
from eo13.obligations import selectors
from eo13.obligations.auditreports import REPORT_FIELDS, audit_report_get, audit_report_save
from eo13.obligations.forms import AuditReportForm
from eo13.obligations.models import Obligation, Status
from eo13.obligations.policy import MAYOR_REPORT_ROLES
from eo13.obligations.views import eo13_errors
from eo13.pdf import render_pdf
from eo13.web.pdf_jobs import pdf_later

CSV_COLUMNS = ["office", "obligation", "section", "title", "concerns", "due", "status", "late", "completed_on"]


@dataclass
class KeyLine:
    key: str
    section: str
    title: str
    counts: dict[str, int]
    late: int
    total: int


def mayor_report_data(user: Any) -> dict[str, Any]:
    """Counts per duty and status, the late list, and the state of the six §2 audit reports, from live data."""
    require_role(user, MAYOR_REPORT_ROLES)
    today = clock.today()
    rows = list(selectors.obligation_list(user).order_by())
    per_key: dict[str, KeyLine] = {}
    for s in CATALOGUE:
        per_key[s.key] = KeyLine(s.key, s.section, s.title, defaultdict(int), 0, 0)
    late: list[Obligation] = []
    for o in rows:
        line = per_key.get(o.key)
        if line is None:
            continue
        line.counts[o.status] += 1
        line.total += 1
        if selectors.due_state(o, today) == "overdue":
            line.late += 1
            late.append(o)
    late.sort(key=lambda o: (o.due, o.agency.code))
    audits = [o for o in rows if o.key == "s2_audit_report"]
    audits.sort(key=lambda o: o.agency.code)
    total = len(rows)
    done = sum(1 for o in rows if o.status == Status.ACCEPTED)
    return {
        "today": today,
        "lines": [line for line in per_key.values() if line.total],
        "late": late,
        "audits": audits,
        "total": total,
        "done": done,
        "late_count": len(late),
        "share_done": round(100 * done / total) if total else 0,
        "rules_version": RULES_VERSION,
        "statuses": Status,
    }


def _csv(rows: list[Obligation]) -> str:
    today = clock.today()
    out = io.StringIO()
    writer = spreadsheet.writer(out)
    writer.writerow(CSV_COLUMNS)
    for o in rows:
        writer.writerow(
            [
                o.agency.code,
                o.key,
                o.section,
                o.title,
                o.concerns_code,
                o.due.isoformat() if o.due else "",
                o.status,
                "yes" if selectors.due_state(o, today) == "overdue" else "no",
                o.completed_on.isoformat() if o.completed_on else "",
            ]
        )
    return out.getvalue()


@eo13_errors
def reports_index(request: HttpRequest) -> HttpResponse:
    six = Agency.objects.filter(is_section_2=True).order_by("code")
    return render(request, "obligations/reports.html", {"six": six})


@eo13_errors
def mayor_report(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("html", "pdf", "csv"):
        raise Http404("Reports come as html, pdf or csv.")
    if fmt == "csv":
        require_role(request.user, MAYOR_REPORT_ROLES)
        rows = list(selectors.obligation_list(request.user).order_by("agency__code", "key", "due"))
        response = HttpResponse(_csv(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="eo13-report-to-the-mayor.csv"'
        return response
    if fmt == "pdf":  # several pages: the task worker makes it (eo13.web.pdf_jobs)
        return pdf_later(request, "mayor-report")
    return render(request, "obligations/report_mayor.html", mayor_report_data(request.user))


def _six(code: str) -> Agency:
    try:
        return agency_by_code(code)
    except NotFound:
        raise Http404("No such office.") from None


@eo13_errors
def audit_report(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in ("html", "pdf"):
        raise Http404("The audit report comes as html or pdf.")
    agency = _six(code)
    report = audit_report_get(request.user, agency)
    duty = Obligation.objects.filter(agency=agency, key="s2_audit_report").first()
    context = {
        "agency": agency,
        "report": report,
        "duty": duty,
        # The report is what the agency wrote, plus the evidence City Hall accepted (issue 13: it printed blank).
        "written": any(getattr(report, f, "") for f in REPORT_FIELDS),
        "evidence": list(duty.evidence.order_by("effective_date", "pk")) if duty else [],
        "spec": BY_KEY["s2_audit_report"],
        "today": clock.today(),
    }
    if fmt == "pdf":
        response = HttpResponse(
            render_pdf("obligations/report_audit_pdf.html", context), content_type="application/pdf"
        )
        response["Content-Disposition"] = f'attachment; filename="eo13-audit-report-{agency.code.lower()}.pdf"'
        return response
    return render(request, "obligations/report_audit.html", context)


@eo13_errors
def audit_report_edit(request: HttpRequest, code: str) -> HttpResponse:
    agency = _six(code)
    report = audit_report_get(request.user, agency)
    initial = {f: getattr(report, f) for f in REPORT_FIELDS} | {"version": report.version}
    form = AuditReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            audit_report_save(
                actor=request.user,
                agency=agency,
                expected_version=data["version"],
                **{f: data[f] for f in REPORT_FIELDS},
            )
        except (ValidationFailed, ConflictError) as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "Report saved.")
            return redirect("obligations:audit-report", code=agency.code, fmt="html")
    return render(request, "obligations/report_audit_edit.html", {"agency": agency, "form": form})
