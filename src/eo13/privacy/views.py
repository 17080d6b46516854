"""Staff pages of the privacy app: the board, the register of privacy officers, training and protocols (EO 13 §6).
Thin: each view checks the form, calls one service or selector, renders."""

from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from eo13 import clock
from eo13.accounts.models import Role
from eo13.accounts.policy import has_role
from eo13.privacy import forms, selectors, services
from eo13.privacy.common import CPO_ROLES, register_policy, request_policy
from eo13.privacy.models import PrivacyProtocol
from eo13.privacy.selectors import FLAG_TEXT
from eo13.privacy.web import guard, run


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    rows = selectors.register_status(user=user)
    latest = PrivacyProtocol.objects.order_by("-number").first()
    can_requests = has_role(user, request_policy.read_own | request_policy.read_all | request_policy.write_own)
    context = {
        "rows": rows if len(rows) <= 3 else [],
        "counts": [(k, label, sum(1 for r in rows if k in r.flags)) for k, label in FLAG_TEXT.items()],
        "agencies": len(rows),
        "due": selectors.requests_due(user=user) if can_requests else [],
        "can_requests": can_requests,
        "latest_protocol": latest,
        "is_privacy_officer": has_role(user, {Role.PRIVACY_OFFICER}),
        "today": clock.today(),
    }
    return render(request, "privacy/home.html", context)


@login_required
def register(request: HttpRequest) -> HttpResponse:
    only = request.GET.get("only", "")
    only = only if only in ("missing", "overdue", "untrained") else ""
    rows = guard(lambda: selectors.register_status(user=request.user, only=only))
    return render(request, "privacy/register.html", {"rows": rows, "only": only, "flag_text": FLAG_TEXT})


@login_required
def agency(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    ag = guard(lambda: selectors.agency_for_register(user=user, code=code))
    history = selectors.designation_list(user=user, agency_code=ag.code)
    current = next((d for d in history if d.ended_on is None), None)
    can_write = register_policy.can_write(user, agency_id=ag.pk)
    designate = forms.DesignationForm(prefix="designate")
    vacancy = forms.VacancyForm(prefix="vacancy")
    contact = (
        forms.ContactForm(
            prefix="contact",
            initial={
                "full_name": current.full_name,
                "title": current.title,
                "email": current.email,
                "phone": current.phone,
                "version": current.version,
            },
        )
        if current
        else None
    )
    if request.method == "POST" and can_write:
        action = request.POST.get("action")
        if action == "designate":
            designate = forms.DesignationForm(request.POST, prefix="designate")
            if designate.is_valid() and run(
                request,
                designate,
                lambda: services.designation_record(actor=user, agency=ag, **designate.cleaned_data),
                "Privacy officer recorded. The CPO training duty has started (EO 13 §6(1)).",
            ):
                return redirect("privacy:agency", code=ag.code)
        elif action == "vacancy":
            vacancy = forms.VacancyForm(request.POST, prefix="vacancy")
            if vacancy.is_valid() and run(
                request,
                vacancy,
                lambda: services.vacancy_record(actor=user, agency=ag, **vacancy.cleaned_data),
                "Vacancy recorded. We told the Chief Privacy Officer. Name a new officer within 30 days (EO 13 §6).",
            ):
                return redirect("privacy:agency", code=ag.code)
        elif action == "contact" and current is not None:
            contact = forms.ContactForm(request.POST, prefix="contact")
            if contact.is_valid():
                data = dict(contact.cleaned_data)
                version = data.pop("version")
                if run(
                    request,
                    contact,
                    lambda: services.designation_update_contact(
                        actor=user, designation=current, expected_version=version, **data
                    ),
                    "Contact details saved.",
                ):
                    return redirect("privacy:agency", code=ag.code)
    context = {
        "agency": ag,
        "current": current,
        "history": history,
        "vacancies": selectors.vacancy_list(user=user).filter(agency=ag),
        "can_write": can_write,
        "designate": designate,
        "vacancy": vacancy,
        "contact": contact,
    }
    return render(request, "privacy/agency.html", context)


@login_required
def training(request: HttpRequest) -> HttpResponse:
    user = request.user
    sessions = guard(lambda: selectors.training_session_list(user=user))
    is_cpo = has_role(user, CPO_ROLES)
    form = forms.SessionForm()
    if request.method == "POST" and is_cpo:
        form = forms.SessionForm(request.POST)
        if form.is_valid():
            session = run(
                request,
                form,
                lambda: services.training_session_create(actor=user, **form.cleaned_data),
                "Training session recorded.",
            )
            if session:
                return redirect("privacy:session", pk=session.pk)
    return render(request, "privacy/training.html", {"sessions": sessions, "form": form, "is_cpo": is_cpo})


@login_required
def session(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    obj = guard(lambda: selectors.training_session_get(user=user, pk=pk))
    is_cpo = has_role(user, CPO_ROLES)
    current = selectors.designation_list(user=user, current_only=True).exclude(training_attendance__session=obj)
    form = forms.AttendanceForm(designations=current)
    if request.method == "POST" and is_cpo:
        form = forms.AttendanceForm(request.POST, designations=current)
        if form.is_valid() and run(
            request,
            form,
            lambda: services.training_attendance_record(
                actor=user, session=obj, designation=form.cleaned_data["designation"]
            ),
            "Attendance recorded.",
        ):
            return redirect("privacy:session", pk=obj.pk)
    return render(request, "privacy/session.html", {"session": obj, "form": form, "is_cpo": is_cpo})


@login_required
def protocols(request: HttpRequest) -> HttpResponse:
    user = request.user
    items = list(guard(lambda: selectors.protocol_list(user=user)))
    is_cpo = has_role(user, CPO_ROLES)
    form = forms.ProtocolForm()
    ack_form = django_forms.Form()
    if request.method == "POST":
        if request.POST.get("action") == "publish" and is_cpo:
            form = forms.ProtocolForm(request.POST)
            if form.is_valid() and run(
                request,
                form,
                lambda: services.protocol_publish(actor=user, **form.cleaned_data),
                "New protocol version published. Privacy officers will be asked to acknowledge it.",
            ):
                return redirect("privacy:protocols")
        elif request.POST.get("action") == "acknowledge" and items:
            ack_form = django_forms.Form(request.POST)
            if ack_form.is_valid() and run(
                request,
                ack_form,
                lambda: services.protocol_acknowledge(actor=user, protocol=items[0]),
                "Thank you. Your agency's acknowledgement is recorded.",
            ):
                return redirect("privacy:protocols")
    acknowledged = False
    if items and has_role(user, {Role.PRIVACY_OFFICER}):
        acknowledged = (
            items[0]
            .acknowledgements.filter(designation__in=selectors.designation_list(user=user, current_only=True))
            .exists()
        )
    context = {
        "protocols": items,
        "form": form,
        "ack_form": ack_form,
        "is_cpo": is_cpo,
        "can_ack": has_role(user, {Role.PRIVACY_OFFICER}) and bool(items) and not acknowledged,
        "acknowledged": acknowledged,
    }
    return render(request, "privacy/protocols.html", context)
