"""Web pages of the detainer area: the guide for DOC, NYPD and Probation staff, and each agency's report
(Admin Code §9-131, §14-154, §9-205). Thin: the guide module asks, the service decides and counts."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from eo13 import clock, spreadsheet
from eo13.accounts.policy import agency_ids, has_role, primary_membership
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.detainers.guide import DATE_FIELDS, GuideState, apply_answer, missing_questions, next_step, start_state
from eo13.detainers.policy import DETAINER_AGENCY_CODES, RECORDERS, detainer_count_policy
from eo13.detainers.selectors import agency_report
from eo13.detainers.services import detainer_decide
from eo13.web.pdf_jobs import pdf_later

HEADLINES = {
    "may_honor": "The law allows this request, within the limits of the warrant.",
    "may_not_honor": "No. The law does not allow this request.",
    "unknown": "EO13 cannot answer this. Call your agency counsel.",
}
TONE = {"may_honor": "info", "may_not_honor": "error", "unknown": "warning"}
CSV_COLUMNS = ["agency", "year", "request", "outcome", "deciding_condition", "count"]


def _own_detainer_agencies(request: HttpRequest) -> list[str]:
    ids = agency_ids(request.user, RECORDERS)
    return list(Agency.objects.filter(pk__in=ids, code__in=DETAINER_AGENCY_CODES).values_list("code", flat=True))


@login_required
@require_http_methods(["GET", "POST"])
def guide(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    if request.method == "GET":
        state = start_state(_own_detainer_agencies(request))
        error = ""
    else:
        try:
            state = GuideState.load(request.POST.get("state", ""))
        except signing.BadSignature:
            messages.warning(request, "That guide session expired. Please start again.")
            return redirect("detainers:guide")
        error = apply_answer(state, request.POST, today)
    step = next_step(state, today)
    if step.kind == "final":
        facts = dict(state.facts) | {"date": today.isoformat()}
        decision, counted = detainer_decide(actor=request.user, raw=facts, partial=True, final=True, today=today)[0]
        d = decision.as_dict()
        m = primary_membership(request.user)
        context = {
            "d": d,
            "headline": "The facts disagree. Call your agency counsel."
            if d.get("conflict")
            else HEADLINES[d["outcome"]],
            "tone": TONE[d["outcome"]],
            "missing": missing_questions(d.get("missing") or []),
            "counted": counted,
            "counsel": m.agency if m else None,
        }
        return render(request, "detainers/guide_answer.html", context)
    context = {"state": state, "token": state.dump(), "q": step.question, "error": error, "date_fields": DATE_FIELDS}
    return render(request, "detainers/guide_question.html", context)


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, detainer_count_policy.read_all | detainer_count_policy.read_own):
        raise Http404("No reports for your role.")
    year = clock.today().year
    readable = [
        a
        for a in Agency.objects.filter(code__in=DETAINER_AGENCY_CODES).order_by("code")
        if has_role(request.user, detainer_count_policy.read_all)
        or a.pk in agency_ids(request.user, detainer_count_policy.read_own)
    ]
    return render(request, "detainers/reports.html", {"agencies": readable, "years": range(year, 2013, -1)})


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", clock.today().year))
    except ValueError:
        raise Http404("No such year.") from None
    if not 2014 <= year <= 2100:
        raise Http404("No such year.")
    return year


@login_required
def report(request: HttpRequest, code: str) -> HttpResponse:
    """One agency's yearly report: HTML, or ?format=csv / ?format=pdf (each export is audited)."""
    fmt = request.GET.get("format", "html")
    if fmt not in ("html", "csv", "pdf"):
        raise Http404("Reports come as html, csv or pdf.")
    data = agency_report(user=request.user, agency_code=code, year=_year(request))
    if fmt == "html":
        return render(request, "detainers/report.html", {"r": data})
    with transaction.atomic():
        audit_record(
            actor=request.user,
            action=AuditAction(f"export.detainer_report_{fmt}"),
            agency_code=data.agency,
            changes={"year": {"new": data.year}},
        )
    if fmt == "pdf":  # several pages: the task worker makes it (eo13.web.pdf_jobs)
        return pdf_later(request, "detainer-report", code=data.agency, year=data.year)
    out = io.StringIO()
    writer = spreadsheet.writer(out)
    writer.writerow(CSV_COLUMNS)
    writer.writerows(data.csv_rows())
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="eo13-detainers-{data.agency.lower()}-{data.year}.csv"'
    return response
