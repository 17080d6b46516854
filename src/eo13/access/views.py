"""Web pages of the access app: the guide, encounter records, the decision log, agreements, the §10-178(d) report."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from eo13 import clock, spreadsheet
from eo13.access.answers import TONE, headline
from eo13.access.decisions import decision_make
from eo13.access.forms import AgreementForm, EncounterForm
from eo13.access.guide import PLACES, START_CHOICES, GuideState
from eo13.access.guide_flow import apply_answer, next_step
from eo13.access.policy import FILERS, NOT_A_DECIDER, agreement_policy, may_decide, sees_free_text
from eo13.access.registry import resolve_property
from eo13.access.selectors import agreement_list, decision_list, encounter_list, property_search, requests_report
from eo13.access.services import agreement_create, encounter_create
from eo13.accounts.policy import has_role, memberships, primary_membership
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import EO13Error
from eo13.scrub import removed_note
from eo13.web.errors import form_error


@login_required
@require_http_methods(["GET", "POST"])
def guide(request: HttpRequest) -> HttpResponse:
    """One page that asks the next question, or gives the answer. Works without JavaScript."""
    if not may_decide(request.user):
        raise DjangoPermissionDenied(NOT_A_DECIDER)
    if request.method == "GET" or "start" in request.POST:
        kind = request.POST.get("start", "")
        if kind == "other":
            return render(request, "access/guide_other.html", {"counsel": _counsel(request)})
        if kind not in ("lot-use", "property-access", "warrant"):
            return render(request, "access/guide_start.html", {"choices": START_CHOICES})
        state = GuideState(kind)
        error = ""
    else:
        try:
            state = GuideState.load(request.POST.get("state", ""))
        except signing.BadSignature:
            messages.warning(request, "That guide session expired. Please start again.")
            return redirect("access:guide")
        error = apply_answer(state, request.POST)
    step = next_step(state, clock.today())
    if step.kind == "final":
        logs = decision_make(actor=request.user, kind=state.kind, raw=state.facts, partial=True, channel="web")
        return redirect("access:answer", pk=logs[0].pk)
    context: dict[str, Any] = {"state": state, "token": state.dump(), "step": step, "error": error}
    if step.kind == "place":
        q = request.POST.get("q", "").strip()[:100]
        context |= {"q": q, "results": property_search(q=q) if q else [], "places": PLACES}
    return render(request, "access/guide_question.html", context)


def _counsel(request: HttpRequest) -> Agency | None:
    m = primary_membership(request.user)
    return m.agency if m else None


@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    log = decision_list(user=request.user).filter(pk=pk).first()
    if log is None:
        raise Http404
    d = log.decision
    applies = [r for r in d["reasons"] if r.get("applies") is not False]
    others = [r for r in d["reasons"] if r.get("applies") is False]
    context = {
        "log": log,
        "d": d,
        "headline": headline(
            log.kind, d["outcome"], d.get("conflict", False), tuple(r["code"] for r in d.get("reasons", []))
        ),
        "tone": TONE.get(d["outcome"], "info"),
        "applies": applies,
        "others": others,
        "counsel": _counsel(request),
        "can_record": has_role(request.user, FILERS),
    }
    return render(request, "access/guide_answer.html", context)


@login_required
def property_search_view(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    return render(request, "access/property_results.html", {"results": property_search(q=q) if q else [], "q": q})


@login_required
@require_http_methods(["GET", "POST"])
def encounter_new(request: HttpRequest) -> HttpResponse:
    membership = next((m for m in _filer_memberships(request)), None)
    if membership is None:
        return render(
            request, "error.html", {"status": 403, "message": "Your role cannot file encounter records."}, status=403
        )
    initial: dict[str, Any] = {}
    decision_id = request.GET.get("decision")
    if decision_id and decision_id.isdigit():
        log = decision_list(user=request.user).filter(pk=int(decision_id)).first()
        if log:
            initial = _initial_from_decision(log)
    form = EncounterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            encounter = encounter_create(actor=request.user, agency=membership.agency, **_encounter_args(request, data))
        except EO13Error as exc:
            form_error(form, exc)
        else:
            if encounter.scrubbed:
                messages.warning(request, f"Saved. {removed_note(encounter.scrubbed)}")
            else:
                messages.success(request, "Saved. Thank you for recording this encounter.")
            return redirect("access:encounter", pk=encounter.pk)
    return render(request, "access/encounter_form.html", {"form": form, "agency": membership.agency})


def _filer_memberships(request: HttpRequest) -> list[Any]:

    return [m for m in memberships(request.user) if m.role in FILERS]


def _initial_from_decision(log: Any) -> dict[str, Any]:
    facts = log.facts or {}
    kind = {"lot-use": "use_lot", "property-access": "enter_non_public"}.get(log.kind, "other")
    docs = []
    warrant = facts.get("warrant") or (facts if log.kind == "warrant" else None)
    if isinstance(warrant, dict) and warrant.get("form") in ("I-200", "I-205", "I-247A"):
        docs.append(warrant["form"])
    elif log.decision.get("outcome") == "judicial_warrant" or "judicial_warrant" in (facts.get("exceptions") or []):
        docs.append("judicial_warrant")
    prop = resolve_property(facts["property_id"]) if facts.get("property_id") else None
    return {"decision": log.pk, "request_kind": kind, "documents_shown": docs, "property": prop.bbl if prop else ""}


def _encounter_args(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    prop = resolve_property(data["property"]) if data.get("property") else None
    if data.get("property") and prop is None:
        raise_msg = "No property with this BBL or id. Leave it empty and describe the place instead."
        raise EO13Error(raise_msg, "property")
    decision = decision_list(user=request.user).filter(pk=data["decision"]).first() if data.get("decision") else None
    return {
        "occurred_at": data["occurred_at"],
        "property_id": prop.pk if prop else None,
        "place_description": data.get("place_description", ""),
        "requesting_agency": data["requesting_agency"],
        "request_kind": data["request_kind"],
        "immigration_enforcement": data.get("immigration_enforcement"),
        "documents_shown": data.get("documents_shown") or [],
        "decision": decision,
        "city_response": data["city_response"],
        "what_happened": data.get("what_happened", ""),
        "counsel_called": data.get("counsel_called", False),
    }


@login_required
def encounters(request: HttpRequest) -> HttpResponse:
    rows = list(encounter_list(user=request.user)[:200])
    return render(request, "access/encounter_list.html", {"rows": rows, "can_file": bool(_filer_memberships(request))})


@login_required
def encounter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    e = encounter_list(user=request.user).filter(pk=pk).first()
    if e is None:
        raise Http404
    return render(request, "access/encounter_detail.html", {"e": e, "free_text": sees_free_text(request.user, e)})


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    return render(request, "access/decision_list.html", {"rows": list(decision_list(user=request.user)[:200])})


@login_required
def report(request: HttpRequest) -> HttpResponse:
    now = clock.today()
    try:
        year = int(request.GET.get("year", now.year))
        quarter = int(request.GET.get("quarter", (now.month - 1) // 3 + 1))
    except ValueError:
        year, quarter = now.year, (now.month - 1) // 3 + 1
    if not (1 <= quarter <= 4 and 2018 <= year <= 2100):
        year, quarter = now.year, (now.month - 1) // 3 + 1
    rows = requests_report(user=request.user, year=year, quarter=quarter)
    if request.GET.get("format") == "csv":
        return _report_csv(request, rows, year, quarter)
    return render(
        request,
        "access/report.html",
        {"rows": rows, "year": year, "quarter": quarter, "years": range(2026, now.year + 1)},
    )


def _report_csv(request: HttpRequest, rows: list[dict[str, Any]], year: int, quarter: int) -> HttpResponse:
    from django.db import transaction

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="eo13-10-178d-{year}-Q{quarter}.csv"'
    writer = spreadsheet.writer(response)
    writer.writerow(
        [
            "year",
            "quarter",
            "requesting_agency",
            "receiving_agency",
            "requests",
            "declined",
            "allowed",
            "referred",
            "other",
        ]
    )
    for r in rows:
        writer.writerow(
            [
                year,
                quarter,
                r["requesting_agency"],
                r["agency__code"],
                r["requests"],
                r["declined"],
                r["allowed"],
                r["referred"],
                r["other"],
            ]
        )
    with transaction.atomic():
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORT_REPORT_10_178D,
            changes={"period": {"new": f"{year}-Q{quarter}"}},
        )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def agreements(request: HttpRequest) -> HttpResponse:
    writable = list(agreement_policy.writable_agencies(request.user))
    form = AgreementForm(request.POST or None, request.FILES or None) if writable else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        agency = (
            writable[0] if len(writable) == 1 else Agency.objects.filter(code=request.POST.get("agency", "")).first()
        )
        try:
            if agency is None:
                raise EO13Error("Choose the agency that holds the agreement.", None)
            agreement_create(
                actor=request.user,
                agency=agency,
                reference=data["reference"],
                kind=data["kind"],
                title=data["title"],
                parties=data["parties"],
                valid_from=data["valid_from"],
                valid_to=data["valid_to"],
                all_properties=data["all_properties"],
                bbls=data["bbls"].split(),
                uses=data["uses"],
                document=data.get("document"),
            )
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Agreement saved.")
            return redirect("access:agreements")
    return render(
        request,
        "access/agreements.html",
        {"rows": list(agreement_list(user=request.user)), "form": form, "agencies": writable},
    )
