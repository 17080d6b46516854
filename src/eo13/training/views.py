"""Staff pages for training coverage, rosters, courses and the two CSV uploads (EO 13 §2(2)). Thin: each reads
through a selector or calls one service or importer; refused input comes back on the same page."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eo13.agencies.models import Agency
from eo13.errors import EO13Error
from eo13.policies.models import Policy
from eo13.training import importers, selectors, services
from eo13.training.coverage import STATE_LABELS
from eo13.training.forms import CompletionsUploadForm, CourseForm, RosterUploadForm
from eo13.training.permissions import ROSTER_ACCESS
from eo13.web.decorators import staff_page
from eo13.web.errors import form_error
from eo13.web.listing import listing

ROSTER_PAGE_LIMIT = 300


@staff_page
def coverage(request: HttpRequest) -> HttpResponse:
    rows = selectors.coverage_list(user=request.user)
    return render(request, "training/coverage.html", {"rows": rows})


def _policies(agency: Agency) -> Any:
    return Policy.objects.filter(agency=agency, current_version__isnull=False).select_related("current_version")


def _agency_page(request: HttpRequest, agency: Agency, status: int = 200, **forms: Any) -> HttpResponse:
    can_write = ROSTER_ACCESS.can_write(request.user, agency_id=agency.pk)
    show = request.GET.get("show", "active")
    people = selectors.roster_list(user=request.user, agency=agency, active=None if show == "all" else True)
    states = selectors.person_states(user=request.user, agency=agency)
    state = request.GET.get("state", "")
    roster: list[tuple[Any, str]] = []
    if state in STATE_LABELS:
        # Streamed and filtered here rather than by a long list of ids in SQL.
        total = sum(1 for s in states.values() if s == state)
        for person in people.filter(active=True).iterator(chunk_size=500):
            if len(roster) >= ROSTER_PAGE_LIMIT:
                break
            if states.get(person.pk) == state:
                roster.append((person, STATE_LABELS[state]))
        page = None
    else:
        state = ""
        # Searched and paged in the database (issue 13: a roster can hold 350,000 people).
        page = listing(request, people, search=("staff_id", "display_name"), per_page=50)
        total = page.page.paginator.count
        roster = [(p, STATE_LABELS.get(states.get(p.pk, ""), "Inactive")) for p in page.rows]
    context = {
        "list": page,
        "agency": agency,
        "cov": selectors.coverage_get(user=request.user, code=agency.code),
        "courses": selectors.course_list(user=request.user, agency=agency),
        "roster": roster,
        "roster_total": total,
        "roster_limit": ROSTER_PAGE_LIMIT,
        "show": show,
        "state": state,
        "state_labels": STATE_LABELS,
        "can_write": can_write,
        "roster_form": forms.get("roster_form") or RosterUploadForm(),
        "completions_form": forms.get("completions_form") or CompletionsUploadForm(),
        "course_form": forms.get("course_form") or CourseForm(policies=_policies(agency)),
        "import_errors": forms.get("import_errors", []),
        "import_kind": forms.get("import_kind", ""),
    }
    return render(request, "training/agency.html", context, status=status)


@staff_page
def agency(request: HttpRequest, code: str) -> HttpResponse:
    return _agency_page(request, selectors.agency_for(user=request.user, code=code))


def _upload(request: HttpRequest, code: str, form_class: Any, field: str, importer: Any, noun: str) -> HttpResponse:
    target = selectors.agency_for(user=request.user, code=code)
    ROSTER_ACCESS.require_write(request.user, agency_id=target.pk)
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        return _agency_page(request, target, **{f"{noun}_form": form})
    report = importer(form.cleaned_data[field].read(), actor=request.user)
    if not report.ok:
        form.add_error(field, f"{len(report.errors)} bad row(s); nothing was imported. Fix them and upload again.")
        return _agency_page(request, target, import_errors=report.errors, import_kind=noun, **{f"{noun}_form": form})
    messages.success(request, report.summary(noun))
    return redirect("training:agency", code=target.code)


@staff_page
@require_POST
def roster_upload(request: HttpRequest, code: str) -> HttpResponse:
    return _upload(request, code, RosterUploadForm, "roster_file", importers.import_roster, "roster")


@staff_page
@require_POST
def completions_upload(request: HttpRequest, code: str) -> HttpResponse:
    return _upload(
        request, code, CompletionsUploadForm, "completions_file", importers.import_completions, "completions"
    )


@staff_page
@require_POST
def course_new(request: HttpRequest, code: str) -> HttpResponse:
    target = selectors.agency_for(user=request.user, code=code)
    ROSTER_ACCESS.require_write(request.user, agency_id=target.pk)
    form = CourseForm(request.POST, policies=_policies(target))
    if form.is_valid():
        try:
            course = services.course_create(
                actor=request.user,
                policy=form.cleaned_data["policy"],
                code=form.cleaned_data["code"],
                title=form.cleaned_data["title"],
            )
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"Course {course.code} added. Upload completions that name this code.")
            return redirect("training:agency", code=target.code)
    return _agency_page(request, target, course_form=form)
