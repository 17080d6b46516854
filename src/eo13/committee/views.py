"""Committee staff pages: home, the membership board, the work given to offices (actions, data requests, resource
requests, guidance to confirm), the risk register and the outside-officials log (EO 13 §7, §8)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eo13.accounts.models import Role
from eo13.accounts.policy import has_role
from eo13.clock import today
from eo13.committee import charts, policy, selectors
from eo13.committee.forms import ContactForm, DepartForm, MemberForm, ResourceAnswerForm, RiskForm, TaskAnswerForm
from eo13.committee.models import CommitteeMember
from eo13.committee.services.crises import guidance_confirm, task_answer
from eo13.committee.services.members import member_depart, member_designate, members_chase
from eo13.committee.services.requests import contact_log, resource_request_answer, risk_record
from eo13.committee.webutil import run
from eo13.errors import NotFound
from eo13.web.decorators import staff_page


@staff_page
def home(request: HttpRequest) -> HttpResponse:
    policy.require_entry(request.user)
    sees_crises = has_role(request.user, policy.CRISIS_ROLES)
    crises = list(selectors.crisis_list(request.user)[:10]) if sees_crises else []
    return render(
        request,
        "committee/home.html",
        {"crises": crises, "sees_crises": sees_crises, "can_lead": policy.is_leadership(request.user)},
    )


@staff_page
def members(request: HttpRequest) -> HttpResponse:
    form = MemberForm(request.POST or None)
    if request.method == "POST":
        made = run(
            request,
            form,
            lambda d: member_designate(actor=request.user, agency_code=d.pop("agency"), **d),
            "Member recorded.",
        )
        if made is not None:
            return redirect("committee:members")
    board = selectors.member_board(request.user)
    return render(
        request,
        "committee/members.html",
        {
            "board": board,
            "form": form,
            "depart_form": DepartForm(),
            "can_chase": has_role(request.user, {Role.CITY_HALL}),
            "can_record": has_role(request.user, {Role.CITY_HALL, Role.AGENCY_LEAD})
            or policy.is_leadership(request.user),
        },
    )


@staff_page
@require_POST
def member_leave(request: HttpRequest, pk: int) -> HttpResponse:
    policy.require_entry(request.user)
    member = CommitteeMember.objects.select_related("agency").filter(pk=pk).first()
    if member is None:
        raise NotFound("No such member.")
    form = DepartForm(request.POST)
    if (
        run(
            request,
            form,
            lambda d: member_depart(actor=request.user, member=member, ends_on=d["ends_on"]),
            "Departure recorded.",
        )
        is None
    ):
        messages.error(request, " ".join(str(e) for errs in form.errors.values() for e in errs) or "Check the date.")
    return redirect("committee:members")


@staff_page
@require_POST
def chase(request: HttpRequest) -> HttpResponse:
    result = members_chase(actor=request.user)
    messages.success(request, f"Reminders sent to {result['offices']} offices ({result['emails']} e-mails).")
    return redirect("committee:members")


@staff_page
def work(request: HttpRequest) -> HttpResponse:
    """What the Committee gave offices: for an agency, its own; for the chair and City Hall, every office's."""
    policy.require_entry(request.user)
    code = request.GET.get("agency", "").upper()
    tasks = selectors.tasks(request.user)
    reqs = selectors.resource_requests(request.user)
    if code:
        tasks, reqs = tasks.filter(agency__code=code), reqs.filter(agency__code=code)
    crisis = request.GET.get("crisis", "")
    if crisis.isdigit():
        tasks, reqs = tasks.filter(crisis_id=int(crisis)), reqs.filter(crisis_id=int(crisis))
    on = today()
    return render(
        request,
        "committee/work.html",
        {
            "tasks": [(t, selectors.is_overdue(t, on), policy.can_answer(request.user, t.agency_id)) for t in tasks],
            "requests": [(r, selectors.is_overdue(r, on), policy.can_answer(request.user, r.agency_id)) for r in reqs],
            "deliveries": [
                d for d in selectors.deliveries_for(request.user) if policy.can_answer(request.user, d.agency_id)
            ],
            "task_form": TaskAnswerForm(),
            "answer_form": ResourceAnswerForm(),
            "agency": code,
            "overdue": sum(1 for r in reqs if selectors.is_overdue(r, on)),
        },
    )


@staff_page
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get(request.user, pk)
    form = TaskAnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST":

        def call(d: dict[str, Any]) -> Any:
            return task_answer(actor=request.user, task=task, answer=d["answer"], number=d["number"], file=d["file"])

        if run(request, form, call, "Answer sent to the Committee.") is not None:
            return redirect("committee:work")
    return render(request, "committee/answer.html", {"record": task, "form": form, "kind": "task"})


@staff_page
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    req = selectors.resource_request_get(request.user, pk)
    form = ResourceAnswerForm(request.POST or None)
    if request.method == "POST":

        def call(d: dict[str, Any]) -> Any:
            return resource_request_answer(actor=request.user, request=req, answer=d["answer"], note=d["note"])

        if run(request, form, call, "Answer sent to the First Deputy Mayor.") is not None:
            return redirect("committee:work")
    return render(request, "committee/answer.html", {"record": req, "form": form, "kind": "request"})


@staff_page
@require_POST
def delivery_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    d = selectors.deliveries_for(request.user).filter(pk=pk).first()
    if d is None:
        raise NotFound("No such guidance for your office.")
    guidance_confirm(actor=request.user, delivery=d)
    messages.success(request, "Confirmed: your office has the guidance.")
    return redirect("committee:work")


@staff_page
def risks(request: HttpRequest) -> HttpResponse:
    form = RiskForm(request.POST or None)
    if request.method == "POST":
        policy.require_leadership(request.user)
        if (
            run(
                request,
                form,
                lambda d: risk_record(actor=request.user, agency_codes=d.pop("agencies"), **d),
                "Risk recorded.",
            )
            is not None
        ):
            return redirect("committee:risks")
    grid = selectors.heat_map(request.user)
    rows = [(5 - i, [(n, charts.heat_level(n, 5 - i, j + 1)) for j, n in enumerate(row)]) for i, row in enumerate(grid)]
    return render(
        request,
        "committee/risks.html",
        {
            "risks": selectors.risks(request.user),
            "heat": rows,
            "form": form,
            "can_lead": policy.is_leadership(request.user),
        },
    )


@staff_page
def contacts(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if request.method == "POST":
        policy.require_leadership(request.user)
        if run(request, form, lambda d: contact_log(actor=request.user, **d), "Contact logged.") is not None:
            return redirect("committee:contacts")
    return render(
        request,
        "committee/contacts.html",
        {"contacts": selectors.contacts(request.user), "form": form, "can_lead": policy.is_leadership(request.user)},
    )
