"""Crisis pages (EO 13 §7 opening, §7(1)(a)–(e)): the list, a new crisis, and the crisis room with its live
timeline, guidance, actions, resource requests and encounter picture. Views check, call one service, render."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eo13.accounts.models import Role
from eo13.accounts.policy import has_role
from eo13.committee import charts, policy, selectors
from eo13.committee.forms import (
    CrisisForm,
    CrisisStatusForm,
    DirectReportForm,
    GuidanceForm,
    ResourceRequestForm,
    SendForm,
    TaskForm,
    UpdateForm,
)
from eo13.committee.models import Crisis, Guidance
from eo13.committee.services.crises import (
    crisis_open,
    crisis_update,
    guidance_approve,
    guidance_draft,
    guidance_send,
    task_assign,
    timeline_post,
)
from eo13.committee.services.requests import mayor_report_direct, resource_request_make
from eo13.committee.webutil import run
from eo13.errors import NotFound, ValidationFailed
from eo13.web.decorators import staff_page

TIMELINE_PAGE = 50  # the newest updates; older ones page on
LIST_PAGE = 30  # actions and requests shown in the crisis room; the rest on the work page


@staff_page
def crisis_list(request: HttpRequest) -> HttpResponse:
    crises = selectors.crisis_list(request.user).prefetch_related("agencies")
    form = CrisisForm(request.POST or None)
    if request.method == "POST":
        policy.require_leadership(request.user)
        crisis = run(
            request,
            form,
            lambda d: crisis_open(actor=request.user, agency_codes=d.pop("agencies"), **d),
            "Crisis opened.",
        )
        if crisis is not None:
            return redirect("committee:crisis", pk=crisis.pk)
    return render(
        request,
        "committee/crisis_list.html",
        {"crises": crises, "form": form, "can_lead": policy.is_leadership(request.user)},
    )


def _context(request: HttpRequest, crisis: Crisis, forms: dict[str, Any]) -> dict[str, Any]:
    user = request.user
    try:
        before = int(request.GET.get("before", "0"))
    except ValueError:
        before = 0
    qs = crisis.timeline.all()
    if before:
        qs = qs.filter(id__lt=before)
    entries = list(qs[: TIMELINE_PAGE + 1])
    older = entries[TIMELINE_PAGE].pk + 1 if len(entries) > TIMELINE_PAGE else None
    entries = entries[:TIMELINE_PAGE]
    picture = selectors.encounter_picture(user, crisis)
    agency_bars, agency_height = charts.bars(picture.by_agency)
    outcome_bars, outcome_height = charts.bars(picture.by_outcome)
    tasks = [(t, selectors.is_overdue(t)) for t in selectors.tasks(user, crisis=crisis)]
    requests = [(r, selectors.is_overdue(r)) for r in selectors.resource_requests(user, crisis=crisis)]
    # Late and open ones first; the full lists are one link away (a crisis can reach 150 offices).
    tasks.sort(key=lambda p: (not p[1], p[0].status != "open", p[0].due))
    requests.sort(key=lambda p: (not p[1], p[0].answer != "pending", p[0].due))
    lead = policy.is_leadership(user)
    return {
        "crisis": crisis,
        "agencies": list(crisis.agencies.all()),
        "entries": entries,
        "last_id": max((e.pk for e in entries), default=0) if not before else 0,
        "older": older,
        "paged": bool(before),
        "tasks": tasks[:LIST_PAGE],
        "requests": requests[:LIST_PAGE],
        "task_count": len(tasks),
        "request_count": len(requests),
        "guidance": selectors.guidance(user, crisis),
        "reports": list(crisis.mayor_reports.all()),
        "picture": picture,
        "agency_bars": agency_bars,
        "agency_height": agency_height,
        "outcome_bars": outcome_bars,
        "outcome_height": outcome_height,
        "tiles": charts.borough_tiles(picture.by_borough),
        "can_lead": lead,
        "is_chair": policy.is_chair(user),
        "can_post": has_role(user, {Role.COMMITTEE}),
        "can_direct": has_role(user, {Role.CITY_HALL}),
        **forms,
    }


def _forms(crisis: Crisis, post: Any = None, which: str = "") -> dict[str, Any]:
    def bound(name: str, cls: Any, **kw: Any) -> Any:
        return cls(post if which == name else None, prefix=name, **kw)

    return {
        "update_form": bound("update", UpdateForm),
        "task_form": bound("task", TaskForm),
        "request_form": bound("request", ResourceRequestForm),
        "guidance_form": bound("guidance", GuidanceForm),
        "send_form": bound("send", SendForm),
        "status_form": bound(
            "status",
            CrisisStatusForm,
            initial={
                "version": crisis.version,
                "status": crisis.status,
                "severity": crisis.severity,
                "ends_on": crisis.ends_on,
            },
        ),
        "direct_form": bound("direct", DirectReportForm),
    }


@staff_page
def crisis_detail(request: HttpRequest, pk: int) -> HttpResponse:
    crisis = selectors.crisis_get(request.user, pk)
    which = request.POST.get("form", "") if request.method == "POST" else ""
    forms = _forms(crisis, request.POST, which)
    if which:
        done = _handle(request, crisis, which, forms)
        if done:
            return redirect(done)
    return render(request, "committee/crisis.html", _context(request, crisis, forms))


def _handle(request: HttpRequest, crisis: Crisis, which: str, forms: dict[str, Any]) -> str | None:
    """Run the posted form's service; the URL to go to on success, None to show the form's errors."""
    user = request.user
    url = f"/staff/committee/crises/{crisis.pk}/"
    actions: dict[str, tuple[str, Any, str, str]] = {
        "update": (
            "update_form",
            lambda d: timeline_post(actor=user, crisis=crisis, text=d["text"]),
            "Update posted.",
            "#timeline",
        ),
        "task": (
            "task_form",
            lambda d: task_assign(
                actor=user,
                crisis=crisis,
                agency_code=d["agency"],
                description=d["description"],
                due=d["due"],
                kind=d["kind"],
            ),
            "Action assigned.",
            "#actions",
        ),
        "request": (
            "request_form",
            lambda d: resource_request_make(
                actor=user,
                crisis=crisis,
                agency_code=d["agency"],
                kind=d["kind"],
                description=d["description"],
                due=d["due"],
            ),
            "Resource request sent.",
            "#requests",
        ),
        "guidance": (
            "guidance_form",
            lambda d: guidance_draft(actor=user, crisis=crisis, **d),
            "Draft saved. The chair approves it before it is sent.",
            "#guidance",
        ),
        "status": (
            "status_form",
            lambda d: crisis_update(
                actor=user,
                crisis=crisis,
                expected_version=d["version"],
                status=d["status"],
                ends_on=d["ends_on"],
                severity=d["severity"],
            ),
            "Crisis updated.",
            "",
        ),
        "direct": (
            "direct_form",
            lambda d: mayor_report_direct(actor=user, crisis=crisis, directed_on=d["directed_on"], due=d["due"]),
            "The Mayor's direction is recorded; the report is a tracked duty.",
            "#reports",
        ),
    }
    if which not in actions:
        raise NotFound("Unknown form.")
    form_key, call, done, anchor = actions[which]
    result = run(request, forms[form_key], call, done)
    return url + anchor if result is not None else None


@staff_page
def timeline_fragment(request: HttpRequest, pk: int) -> HttpResponse:
    """The newest timeline entries for htmx polling; 204 (nothing to swap) when nothing is new."""
    crisis = selectors.crisis_get(request.user, pk)
    try:
        after = int(request.GET.get("after", "0"))
    except ValueError:
        after = 0
    newest = crisis.timeline.values_list("id", flat=True).first() or 0
    if after and newest <= after:
        return HttpResponse(status=204)
    entries = list(crisis.timeline.all()[:TIMELINE_PAGE])
    return render(
        request, "committee/_timeline.html", {"crisis": crisis, "entries": entries, "last_id": newest, "older": None}
    )


def _guidance(request: HttpRequest, pk: int) -> Guidance:
    policy.require_crises(request.user)
    g = Guidance.objects.select_related("crisis").filter(pk=pk).first()
    if g is None:
        raise NotFound("No such guidance.")
    return g


@staff_page
@require_POST
def guidance_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    g = _guidance(request, pk)
    if action == "approve":
        from django.contrib import messages

        try:
            guidance_approve(actor=request.user, guidance=g)
            messages.success(request, "Approved. It can now be sent.")
        except ValidationFailed as exc:
            messages.error(request, exc.message)
        return redirect(f"/staff/committee/crises/{g.crisis_id}/#guidance")
    if action == "send":
        form = SendForm(request.POST, prefix="send")
        if run(
            request, form, lambda d: guidance_send(actor=request.user, guidance=g, agency_codes=d["agencies"]), "Sent."
        ):
            return redirect(f"/staff/committee/crises/{g.crisis_id}/#guidance")
        from django.contrib import messages

        messages.error(
            request, "Choose the offices to send it to. " + " ".join(str(e) for e in form.non_field_errors())
        )
        return redirect(f"/staff/committee/crises/{g.crisis_id}/#guidance")
    raise NotFound("Unknown action.")
