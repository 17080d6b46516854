"""The auditor's page for the audit log (issue 13): who did what, when, to which record; filters, paging, the
chain's verification on request, and a CSV of what the filters show."""

from __future__ import annotations

import io

from django import forms
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from eo13 import spreadsheet
from eo13.accounts.policy import Role, require_role
from eo13.audit.actions import AuditAction, action_label
from eo13.audit.models import AuditEntry
from eo13.audit.selectors import AuditFilter, audit_entries
from eo13.audit.services import audit_record
from eo13.audit.verify import verify_chain
from eo13.web.decorators import staff_page

READERS = frozenset({Role.AUDITOR})
PAGE_SIZE = 50
CSV_LIMIT = 100_000  # rows in one export; a narrower filter gets the rest


class AuditFilterForm(forms.Form):
    who = forms.CharField(label="Who (part of a username)", max_length=150, required=False)
    action = forms.ChoiceField(
        label="What", required=False, choices=[("", "Any action"), *sorted(AuditAction.choices, key=lambda c: c[1])]
    )
    agency = forms.CharField(label="Agency code", max_length=20, required=False)
    record = forms.CharField(
        label="Record (type, or type:number)",
        max_length=120,
        required=False,
        help_text="For example access.Encounter:12",
    )
    since = forms.DateField(label="From (date)", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label="To (date)", required=False, widget=forms.DateInput(attrs={"type": "date"}))


@staff_page
def audit_log(request: HttpRequest) -> HttpResponse:
    require_role(request.user, READERS)
    filters = {k: v for k, v in request.GET.items() if k in AuditFilterForm.base_fields}
    form = AuditFilterForm(filters or None)
    bad = form.is_bound and not form.is_valid()
    chosen = AuditFilter(**form.cleaned_data) if form.is_bound and not bad else AuditFilter()
    entries = audit_entries(chosen)
    if request.GET.get("format") == "csv" and not bad:  # a filter with a mistake exports nothing, not everything
        return _csv(request, entries, chosen)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(e, action_label(e.action)) for e in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("verify", None)
    query.pop("format", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "verified": verify_chain() if request.GET.get("verify") else None,
    }
    return render(request, "web/audit_log.html", context)


def _csv(request: HttpRequest, entries: QuerySet[AuditEntry], chosen: AuditFilter) -> HttpResponse:
    out = io.StringIO()
    w = spreadsheet.writer(out)
    w.writerow(["seq", "at (UTC)", "who", "action", "what it means", "record", "record id", "agency", "hash"])
    for e in entries[:CSV_LIMIT]:
        w.writerow(
            [
                e.seq,
                e.at.isoformat(),
                e.actor_username,
                e.action,
                action_label(e.action),
                e.model,
                e.object_id,
                e.agency_code,
                e.hash,
            ]
        )
    with transaction.atomic():
        filters = {k: str(v) for k, v in vars(chosen).items() if v}
        audit_record(actor=request.user, action=AuditAction.EXPORT_AUDIT_LOG, changes={"filters": filters})
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="eo13-audit-log.csv"'
    return response
