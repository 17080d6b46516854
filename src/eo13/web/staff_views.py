"""Staff pages of the foundation: the people of my agency, and the agency registry (City Hall edits counsel)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from eo13.accounts.policy import Role, has_role
from eo13.accounts.selectors import membership_list
from eo13.agencies.selectors import agency_by_code, agency_list
from eo13.agencies.services import agency_update_counsel
from eo13.errors import EO13Error
from eo13.web.errors import form_error
from eo13.web.listing import listing


@login_required
def people(request: HttpRequest) -> HttpResponse:
    return render(request, "web/people.html", {"rows": membership_list(user=request.user)})


@login_required
def agencies(request: HttpRequest) -> HttpResponse:
    rows = listing(request, agency_list(), search=("code", "name"))
    return render(request, "web/agencies.html", {"list": rows, "can_edit": has_role(request.user, {Role.CITY_HALL})})


class CounselForm(forms.Form):
    counsel_name = forms.CharField(label="Counsel contact (name or office)", max_length=200)
    counsel_email = forms.EmailField(max_length=254, label="Counsel e-mail")
    counsel_phone = forms.CharField(label="Counsel phone", max_length=40)
    version = forms.IntegerField(widget=forms.HiddenInput)


@login_required
def agency_counsel(request: HttpRequest, code: str) -> HttpResponse:
    agency = agency_by_code(code)  # NotFound: 404 (eo13.web.errors)
    if not has_role(request.user, {Role.CITY_HALL}):
        return render(request, "web/agency_detail.html", {"agency": agency})
    form = CounselForm(
        request.POST or None,
        initial={
            "counsel_name": agency.counsel_name,
            "counsel_email": agency.counsel_email,
            "counsel_phone": agency.counsel_phone,
            "version": agency.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            agency_update_counsel(
                actor=request.user,
                agency=agency,
                expected_version=form.cleaned_data["version"],
                counsel_name=form.cleaned_data["counsel_name"],
                counsel_email=form.cleaned_data["counsel_email"],
                counsel_phone=form.cleaned_data["counsel_phone"],
            )
        except EO13Error as exc:
            form_error(form, exc)
        else:
            messages.success(request, f"Saved the counsel contact for {agency.code}.")
            return redirect("agencies")
    return render(request, "web/agency_detail.html", {"agency": agency, "form": form})
