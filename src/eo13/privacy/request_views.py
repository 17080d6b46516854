"""Staff pages for requests for identifying information and the privacy reports (EO 13 §6; Admin Code §23-1202)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from eo13.accounts.models import Role
from eo13.accounts.policy import agency_ids, has_role
from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.errors import ValidationFailed
from eo13.law import identifying_information as ii
from eo13.privacy import forms, selectors, services
from eo13.privacy.common import REPORT_ROLES, request_policy
from eo13.privacy.reports import report_export, request_report
from eo13.privacy.web import guard, run
from eo13.web.listing import listing


def _writable_agencies(user: Any) -> list[tuple[str, str]]:
    ids = agency_ids(user, request_policy.write_own)
    return [(a.code, f"{a.code}: {a.name}") for a in Agency.objects.filter(pk__in=ids).order_by("code")]


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not has_role(user, request_policy.read_all | request_policy.write_own):
        raise PermissionDenied
    status = request.GET.get("status", "")
    status = status if status in ("open", "decided") else ""
    items = selectors.request_list(user=user, status=status)
    rows = listing(request, items, search=("reference", "requesting_agency", "agency__code"))
    context = {"list": rows, "status": status, "can_create": bool(_writable_agencies(user))}
    return render(request, "privacy/requests.html", context)


@login_required
def request_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    agencies = _writable_agencies(user)
    if not agencies:
        raise PermissionDenied
    form = forms.RequestForm(agencies=agencies, initial={"agency": agencies[0][0]})
    if request.method == "POST":
        form = forms.RequestForm(request.POST, agencies=agencies)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["agency"] = agency_by_code(data["agency"])
            created = run(request, form, lambda: services.request_create(actor=user, **data), "Request logged.")
            if created:
                return redirect("privacy:request", pk=created.pk)
    return render(request, "privacy/request_new.html", {"form": form})


@login_required
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    req = guard(lambda: selectors.request_get(user=user, pk=pk))
    can_write = request_policy.can_write(user, req)
    officers = selectors.designation_list(user=user, current_only=True).filter(agency=req.agency)
    v = {"version": req.version}
    steps: dict[str, Any] = {
        "assign": forms.AssignForm(
            prefix="assign", officers=officers, initial=v | {"officer": req.assigned_officer_id}
        ),
        "refer": forms.ReferForm(prefix="refer", initial=v),
        "decide": forms.DecideForm(prefix="decide", initial=v),
        "disclose": forms.DiscloseForm(prefix="disclose", requested=req.categories, initial=v),
    }
    if request.method == "POST" and can_write:
        action = request.POST.get("action", "")
        if action in steps:
            kwargs: dict[str, Any] = {"prefix": action}
            if action == "assign":
                kwargs["officers"] = officers
            if action == "disclose":
                kwargs["requested"] = req.categories
            form = type(steps[action])(request.POST, **kwargs)
            steps[action] = form
            if form.is_valid():
                data = dict(form.cleaned_data)
                version = data.pop("version")
                call = {
                    "assign": lambda: services.request_assign(
                        actor=user, request=req, officer=data["officer"], expected_version=version
                    ),
                    "refer": lambda: services.request_refer(actor=user, request=req, expected_version=version, **data),
                    "decide": lambda: services.request_decide(
                        actor=user, request=req, expected_version=version, **data
                    ),
                    "disclose": lambda: services.request_disclose(
                        actor=user, request=req, expected_version=version, **data
                    ),
                }[action]
                if run(request, form, call, "Saved."):
                    return redirect("privacy:request", pk=req.pk)
    rule = ii.instrument_rule(req.instrument)
    context = {
        "req": req,
        "rule": rule,
        "flagged": req.flagged,
        "steps": steps,
        "can_write": can_write,
        "decision_label": ii.DECISION_LABELS.get(req.decision, ""),
    }
    return render(request, "privacy/request_detail.html", context)


@login_required
def reports(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not has_role(user, REPORT_ROLES):
        raise PermissionDenied
    form = forms.ReportForm(request.GET or None)
    start = end = None
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    report = None
    try:
        report = request_report(user=user, start=start, end=end)
    except ValidationFailed as exc:
        form.add_error(None, exc.message)
    citywide = has_role(user, {Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR})
    return render(
        request,
        "privacy/reports.html",
        {"form": form, "report": report, "citywide": citywide, "query": request.GET.urlencode()},
    )


@login_required
def report_download(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = forms.ReportForm(request.GET or None)
    start = end = None
    if form.is_bound and form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    body = guard(lambda: report_export(actor=user, start=start, end=end))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="privacy-requests-report.csv"'
    return response
