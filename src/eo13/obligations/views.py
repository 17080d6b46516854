"""Staff pages for obligations: the agency workspace, the City Hall board, one duty with its timeline, evidence,
submission and review (EO 13 §2, §5, §6, §7, §8). Views check, call one service or selector, render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eo13 import clock
from eo13.accounts.policy import has_role, primary_membership, require_role
from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code
from eo13.errors import ConflictError, PermissionDenied, ValidationFailed
from eo13.law.obligations import BY_KEY, RESPONSIBLE_TEXT
from eo13.obligations import selectors
from eo13.obligations.board_counts import CELL_TEXT
from eo13.obligations.chart import progress_chart
from eo13.obligations.evidence import evidence_add
from eo13.obligations.forms import EvidenceForm, ReviewForm, SubmitForm
from eo13.obligations.models import OPEN_STATUSES, Obligation, Status
from eo13.obligations.policy import BOARD_ROLES, OBLIGATION_POLICY, REVIEWERS
from eo13.obligations.services import obligation_accept, obligation_return, obligation_submit
from eo13.web.errors import form_error
from eo13.web.listing import listing


def eo13_errors(view: Callable[..., Any]) -> Callable[..., Any]:
    """Signed-in only; service errors become Django's 403/404 pages in ``eo13.web.errors``."""
    return login_required(view)


def _agency(request: HttpRequest) -> Agency:
    code = request.GET.get("agency", "")
    if code.strip():
        return agency_by_code(code)
    m = primary_membership(request.user)
    if m is None:
        raise PermissionDenied("Your account has no office yet.")
    return m.agency


@eo13_errors
def workspace(request: HttpRequest) -> HttpResponse:
    ws = selectors.workspace(request.user, _agency(request))
    owe = listing(request, ws.owe, search=("title", "section", "concerns__code", "subject"))
    return render(
        request,
        "obligations/workspace.html",
        {"ws": ws, "list": owe, "today": clock.today(), "can_board": has_role(request.user, BOARD_ROLES)},
    )


@eo13_errors
def board(request: HttpRequest) -> HttpResponse:
    require_role(request.user, BOARD_ROLES)
    section = request.GET.get("section") or None
    state = request.GET.get("state") or None
    kind = request.GET.get("kind") or None
    b = selectors.board(request.user, section=section, state=state, kind=kind)
    chart = [(month, done, total, round(100 * done / total) if total else 0) for month, done, total in b.progress]
    sections = sorted({s.section.split("(")[0] for s in BY_KEY.values()}, key=lambda s: int(s.split("§")[1]))
    return render(
        request,
        "obligations/board.html",
        {
            "board": b,
            "list": listing(
                request, b.overdue, search=("agency__code", "title", "section"), count=b.totals.get("overdue", 0)
            ),
            "chart": chart,
            "svg": progress_chart(b.progress),
            "today": clock.today(),
            "filters": {"section": section or "", "state": state or "", "kind": kind or ""},
            "sections": sections,
            "states": list(CELL_TEXT.items()),
        },
    )


@eo13_errors
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, selectors.obligation_get(request.user, pk))


def _detail(request: HttpRequest, o: Obligation, status: int = 200, **forms: Any) -> HttpResponse:
    """The duty page; a form that failed is shown again with what was typed and its errors next to the fields."""
    can_work = OBLIGATION_POLICY.can_write(request.user, o) and o.status in OPEN_STATUSES
    can_review = (
        has_role(request.user, REVIEWERS) and o.status == Status.SUBMITTED and o.submitted_by_id != request.user.pk
    )
    spec = BY_KEY.get(o.key)
    return render(
        request,
        "obligations/detail.html",
        {
            "o": o,
            "spec": spec,
            "responsible_text": RESPONSIBLE_TEXT.get(spec.responsible) if spec else "",
            "state": selectors.due_state(o),
            "timeline": o.actions.select_related("actor"),
            "evidence": o.evidence.all(),
            "can_work": can_work,
            "can_review": can_review,
            "evidence_form": forms.get("evidence_form") or EvidenceForm(),
            "submit_form": forms.get("submit_form") or SubmitForm(initial={"version": o.version}),
            "review_form": forms.get("review_form") or ReviewForm(initial={"version": o.version}),
        },
        status=status,
    )


def _back(pk: int) -> HttpResponse:
    return redirect("obligations:detail", pk=pk)


@require_POST
@eo13_errors
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    o = selectors.obligation_get(request.user, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, o, 400, evidence_form=form)
    upload = form.cleaned_data["file"]
    try:
        evidence_add(
            actor=request.user,
            obligation=o,
            name=upload.name,
            data=upload.read(),
            effective_date=form.cleaned_data["effective_date"],
        )
    except ValidationFailed as exc:
        form_error(form, exc)
        return _detail(request, o, 400, evidence_form=form)
    except ConflictError as exc:  # someone changed the duty meanwhile: show it fresh, with what happened
        messages.error(request, exc.message)
    else:
        messages.success(request, "Evidence added.")
    return _back(pk)


@eo13_errors
def evidence_download(request: HttpRequest, pk: int, eid: int) -> FileResponse:
    ev = selectors.evidence_get(request.user, pk, eid)
    response = FileResponse(ev.file.open("rb"), as_attachment=True, filename=ev.original_name)
    response["Content-Type"] = ev.content_type
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@eo13_errors
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    o = selectors.obligation_get(request.user, pk)
    form = SubmitForm(request.POST)
    if not form.is_valid():
        return _detail(request, o, 400, submit_form=form)
    try:
        obligation_submit(
            actor=request.user,
            obligation=o,
            expected_version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
        )
    except ValidationFailed as exc:
        form_error(form, exc)
        return _detail(request, o, 400, submit_form=form)
    except ConflictError as exc:  # someone changed the duty meanwhile: show it fresh, with what happened
        messages.error(request, exc.message)
    else:
        messages.success(request, "Sent to City Hall for review.")
    return _back(pk)


@require_POST
@eo13_errors
def review(request: HttpRequest, pk: int) -> HttpResponse:
    o = selectors.obligation_get(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _detail(request, o, 400, review_form=form)
    data = form.cleaned_data
    try:
        if data["decision"] == "accept":
            obligation_accept(actor=request.user, obligation=o, expected_version=data["version"], note=data["comments"])
            messages.success(request, "Accepted.")
        else:
            obligation_return(
                actor=request.user, obligation=o, expected_version=data["version"], comments=data["comments"]
            )
            messages.success(request, "Returned to the office with your comments.")
    except ValidationFailed as exc:
        form_error(form, exc)
        return _detail(request, o, 400, review_form=form)
    except ConflictError as exc:  # someone changed the duty meanwhile: show it fresh, with what happened
        messages.error(request, exc.message)
    return _back(pk)
