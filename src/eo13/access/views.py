"""Web pages of the access app: the guide, the decision log, agreements, the §10-178(d) report (encounter records are
in ``encounter_views``)."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from eo13 import clock, spreadsheet
from eo13.access.answers import TONE, headline, order_reasons
from eo13.access.decisions import decision_make
from eo13.access.forms import AgreementForm
from eo13.access.guide import PLACES, SCREENS, START_CHOICES, GuideState
from eo13.access.guide_flow import Walk, apply_answer, attestations, place_label, questions, said, walk
from eo13.access.policy import FILERS, NOT_A_DECIDER, agreement_policy, may_decide
from eo13.access.registry import resolve_property
from eo13.access.selectors import agreement_list, decision_list, property_search, requests_report
from eo13.access.services import agreement_create
from eo13.accounts.policy import has_role, primary_membership
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import EO13Error
from eo13.guide_state import UNSURE
from eo13.web.errors import form_error
from eo13.web.listing import listing


@login_required
@require_http_methods(["GET", "POST"])
def guide(request: HttpRequest) -> HttpResponse:
    """One address per screen: ``?s=<signed answers>`` (and ``&at=<screen>`` to change an earlier answer). An answer
    is posted, then the browser is sent to the next screen's address, so Back goes to the question before, and no
    typed text ever sits in an address. Works without JavaScript."""
    if not may_decide(request.user):
        raise DjangoPermissionDenied(NOT_A_DECIDER)
    if request.method == "POST" and "start" in request.POST:
        kind = request.POST.get("start", "")
        if kind == "other":
            return render(request, "access/guide_other.html", {"counsel": _counsel(request)})
        if kind in SCREENS:
            return redirect(_guide_url(GuideState(kind, run=secrets.token_hex(6))))
    token = request.POST.get("state") or request.GET.get("s", "")
    if not token:
        return render(request, "access/guide_start.html", {"choices": START_CHOICES})
    try:
        state = GuideState.load(token)
        if state.kind not in SCREENS:
            raise signing.BadSignature
    except signing.BadSignature:
        messages.warning(request, "That guide session expired. Please start again.")
        return redirect("access:guide")
    if request.method == "POST":
        return _guide_post(request, state)
    at = request.GET.get("at", "")
    now = walk(state, clock.today())
    if now.next is None and at not in now.path:
        at = now.path[-1] if now.path else ""
    return _screen(request, state, now, at if at in now.path else "", picks=request.GET.getlist("pick"))


def _guide_post(request: HttpRequest, state: GuideState) -> HttpResponse:
    screen = request.POST.get("question", "")
    if "search" in request.POST:
        # Search is not an answer: the same screen comes back with the places found, and no error.
        return _screen(request, state, walk(state, clock.today()), screen, form=request.POST)
    notes = _notes(request, state)
    error = apply_answer(state, request.POST, notes)
    if error:
        return _screen(request, state, walk(state, clock.today()), screen, error=error, form=request.POST)
    request.session[_notes_key(state)] = notes
    now = walk(state, clock.today())
    if now.next is not None:
        return redirect(_guide_url(state))
    facts = dict(now.facts.facts)
    if state.kind == "lot-use" and "exceptions" in facts:
        judged = attestations(state.answers, notes)
        if judged is None:
            messages.warning(request, "For each judgment you checked, say in a few words why. Do not name anyone.")
            return redirect(_guide_url(state, at="exceptions"))
        if judged:
            facts["attestations"] = judged
    logs = decision_make(actor=request.user, kind=state.kind, raw=facts, partial=True, channel="web")
    return redirect(f"{reverse('access:answer', kwargs={'pk': logs[0].pk})}?{urlencode({'s': state.dump()})}")


def _notes_key(state: GuideState) -> str:
    return f"eo13.guide.{state.run}"


def _notes(request: HttpRequest, state: GuideState) -> dict[str, str]:
    """The reasons typed for a judgment, scrubbed: kept in the session under this walk, never in the address."""
    return dict(request.session.get(_notes_key(state), {})) if state.run else {}


def _guide_url(state: GuideState, *, at: str = "") -> str:
    query = {"s": state.dump(), **({"at": at} if at else {})}
    return f"{reverse('access:guide')}?{urlencode(query)}"


def _screen(
    request: HttpRequest,
    state: GuideState,
    now: Walk,
    at: str = "",
    *,
    error: str = "",
    form: Any = None,
    picks: list[str] | None = None,
) -> HttpResponse:
    screen = at if at in SCREENS[state.kind] and (at in now.path or at == now.next) else now.next
    if screen is None:
        return redirect("access:guide")
    position = now.path.index(screen) if screen in now.path else len(now.path)
    chosen = _chosen(state, screen, form, picks or [])
    before = now.path[position - 1] if position else ""
    context: dict[str, Any] = {
        "state": state,
        "token": state.dump(),
        "screen": screen,
        "questions": _questions_for(state, screen, chosen),
        "error": error,
        "step": position + 1,
        "steps": max(len(now.path) + now.remaining, position + 1),
        "back": _guide_url(state, at=before) if before else reverse("access:guide"),
        "place_label": place_label(state.answers.get("place", [""])[0]) if screen != "place" else "",
        "notes": _notes(request, state),
    }
    if screen == "place":
        q = (form.get("q", "") if form is not None else "").strip()[:100]
        picked = (chosen.get("place") or [""])[0]
        results: list[Any] = list(property_search(q=q)) if q else []
        kept = resolve_property(picked[4:]) if picked.startswith("uid:") else None
        if kept is not None and kept not in results:
            results.insert(0, kept)  # Back or "change": the place chosen before is still there to keep
        context |= {"q": q, "results": results, "places": PLACES, "chosen_place": picked}
    return render(request, "access/guide_question.html", context, status=422 if error else 200)


def _chosen(state: GuideState, screen: str, form: Any, picks: list[str]) -> dict[str, list[str]]:
    """What to show as chosen: what was just posted, else what Back brought back (``pick``), else earlier answers."""
    keys = [q.key for q in questions(state.kind, screen)] or ["place"]
    if form is not None:
        return {k: form.getlist(k) for k in keys}
    picked: dict[str, list[str]] = {}
    for pick in picks:
        key, _, value = pick.partition(":")
        if key in keys:
            picked.setdefault(key, []).append(value)
    return {k: picked.get(k) or state.answers.get(k, []) for k in keys}


def _questions_for(state: GuideState, screen: str, chosen: dict[str, list[str]]) -> list[dict[str, Any]]:
    return [
        {
            "q": q,
            "choices": [{"value": v, "label": label, "on": v in chosen.get(q.key, [])} for v, label, _ in q.choices],
            "unsure": chosen.get(q.key) == [UNSURE],
        }
        for q in questions(state.kind, screen)
    ]


def _counsel(request: HttpRequest) -> Agency | None:
    m = primary_membership(request.user)
    return m.agency if m else None


@login_required
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    log = decision_list(user=request.user).filter(pk=pk).first()
    if log is None:
        raise Http404
    d = log.decision
    first, applies, others = order_reasons(d, log.facts or {})
    context = {
        "log": log,
        "d": d,
        "headline": headline(
            log.kind, d["outcome"], d.get("conflict", False), tuple(r["code"] for r in d.get("reasons", []))
        ),
        "tone": TONE.get(d["outcome"], "info"),
        "first": first,
        "applies": applies,
        "others": others,
        "counsel": _counsel(request),
        "can_record": has_role(request.user, FILERS),
        "said": _said(request, log.kind),
    }
    return render(request, "access/guide_answer.html", context)


def _said(request: HttpRequest, kind: str) -> list[dict[str, Any]]:
    """The answers given, each with a link to change it, when the page was reached from the guide."""
    try:
        state = GuideState.load(request.GET.get("s", ""))
    except signing.BadSignature:
        return []
    if state.kind != kind or kind not in SCREENS:
        return []
    rows = said(state, walk(state, clock.today()).path)
    for row in rows:
        row["change"] = _guide_url(state, at=row["screen"])
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def property_search_view(request: HttpRequest) -> HttpResponse:
    """The guide's live search posts (what is typed never goes into an address); GET stays for other callers."""
    source = request.POST if request.method == "POST" else request.GET
    q = source.get("q", "").strip()[:100]
    return render(request, "access/property_results.html", {"results": property_search(q=q) if q else [], "q": q})


@login_required
def decisions(request: HttpRequest) -> HttpResponse:
    rows = listing(request, decision_list(user=request.user), search=("agency__code", "agency__name", "kind"))
    return render(request, "access/decision_list.html", {"list": rows})


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
