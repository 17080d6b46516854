"""Staff pages for the §5 library: list, make, change, approve, send, confirm (EO 13 §5(1)–(4), §8(1))."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from eo13.accounts.policy import Role, agency_ids
from eo13.errors import EO13Error
from eo13.policies import material_services, selectors
from eo13.policies.forms import MaterialForm, SendForm
from eo13.policies.permissions import is_law_reviewer, is_material_maker
from eo13.policies.plain import render_markdown
from eo13.web.decorators import staff_page
from eo13.web.errors import form_error


@staff_page
def material_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "policies/materials/list.html",
        {"materials": selectors.material_list(user=request.user), "can_make": is_material_maker(request.user)},
    )


@staff_page
def material_new(request: HttpRequest) -> HttpResponse:
    form = MaterialForm(request.POST or None, initial={"languages": ["en"]})
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "version"}
        try:
            material = material_services.material_create(actor=request.user, **data)
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Saved. The Law Department must approve it before it is sent.")
            return redirect("policies:material-detail", pk=material.pk)
    return render(request, "policies/materials/form.html", {"form": form, "material": None})


@staff_page
def material_edit(request: HttpRequest, pk: int) -> HttpResponse:
    material = selectors.material_get(user=request.user, pk=pk)
    initial = {
        "kind": material.kind,
        "audience": material.audience,
        "title": material.title,
        "body": material.body,
        "languages": material.languages,
        "version": material.version,
    }
    form = MaterialForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        expected = data.pop("version") or 0
        try:
            material_services.material_update(actor=request.user, material=material, expected_version=expected, **data)
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, "Saved. It needs the Law Department's approval again.")
            return redirect("policies:material-detail", pk=material.pk)
    return render(request, "policies/materials/form.html", {"form": form, "material": material})


@staff_page
def material_detail(request: HttpRequest, pk: int) -> HttpResponse:
    material = selectors.material_get(user=request.user, pk=pk)
    my_agencies = agency_ids(request.user, {Role.AGENCY_LEAD})
    return render(
        request,
        "policies/materials/detail.html",
        {
            "material": material,
            "body": render_markdown(material.body),
            "disseminations": material.disseminations.all(),
            "can_make": is_material_maker(request.user),
            "is_reviewer": is_law_reviewer(request.user),
            "my_agencies": my_agencies,
            "send_form": SendForm(),
        },
    )


@staff_page
@require_POST
def material_approve(request: HttpRequest, pk: int) -> HttpResponse:
    material = selectors.material_get(user=request.user, pk=pk)
    try:
        material_services.material_approve(
            actor=request.user, material=material, expected_version=int(request.POST.get("version", 0))
        )
    except (EO13Error, ValueError) as exc:
        messages.error(request, getattr(exc, "message", "The form could not be read."))
    else:
        messages.success(request, "Approved by the Law Department.")
    return redirect("policies:material-detail", pk=material.pk)


@staff_page
@require_POST
def material_send(request: HttpRequest, pk: int) -> HttpResponse:
    material = selectors.material_get(user=request.user, pk=pk)
    form = SendForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose at least one agency.")
        return redirect("policies:material-detail", pk=material.pk)
    try:
        made = material_services.material_send(
            actor=request.user, material=material, agencies=list(form.cleaned_data["agencies"])
        )
    except EO13Error as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Sent to {len(made)} agencies.")
    return redirect("policies:material-detail", pk=material.pk)


@staff_page
@require_POST
def dissemination_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    dissemination = selectors.dissemination_get(user=request.user, pk=pk)
    try:
        material_services.dissemination_confirm(actor=request.user, dissemination=dissemination)
    except EO13Error as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Confirmed: your agency has this material.")
    return redirect("policies:material-detail", pk=dissemination.material_id)
