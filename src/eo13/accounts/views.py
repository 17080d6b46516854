"""Account pages of City sign-in (issue 15): sign-out (with the provider's), sign out everywhere, and the group
mapping City Hall keeps."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render

from eo13.accounts.group_mappings import _may_edit, group_mapping_create, group_mapping_delete, group_mapping_list
from eo13.accounts.models import Role
from eo13.accounts.oidc import provider_logout_url
from eo13.accounts.sessions import sessions_revoke_for_user
from eo13.errors import EO13Error
from eo13.web.decorators import staff_page


def sign_out(request: HttpRequest) -> HttpResponse:
    """Ends the EO13 session, then offers the City provider's sign-out (the person may use other City systems)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    was_city = request.session.get("eo13_sign_in_method") == "oidc"
    id_token = request.session.get("oidc_id_token")
    logout(request)
    provider_url = provider_logout_url(request, id_token) if was_city else ""
    if not provider_url:
        return redirect("login")
    return render(request, "registration/signed_out.html", {"provider_logout_url": provider_url})


@staff_page
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    sessions_revoke_for_user(actor=request.user, user=request.user, reason="sign out everywhere")  # type: ignore[arg-type]
    logout(request)
    return render(request, "registration/signed_out.html", {"everywhere": True})


class GroupMappingForm(forms.Form):
    group = forms.CharField(label="Group name or id, as the City's sign-in service sends it", max_length=255)
    agency = forms.CharField(label="Agency code (for example ACS)", max_length=20)
    role = forms.ChoiceField(label="EO13 role", choices=Role.choices)
    is_chair = forms.BooleanField(label="Committee chair", required=False)


@staff_page
def group_mappings(request: HttpRequest) -> HttpResponse:
    rows = group_mapping_list(user=request.user)
    can_edit = _may_edit(request.user)
    form = GroupMappingForm(request.POST or None)
    if request.method == "POST" and can_edit:
        try:
            if "delete" in request.POST:
                group_mapping_delete(actor=request.user, mapping_id=int(request.POST["delete"]))
                messages.success(request, "The group mapping was removed. It counts from each person's next sign-in.")
                return redirect("group-mappings")
            if form.is_valid():
                d = form.cleaned_data
                group_mapping_create(
                    actor=request.user,
                    group=d["group"],
                    agency_code=d["agency"],
                    role=d["role"],
                    is_chair=d["is_chair"],
                )
                messages.success(request, "The group mapping was added. It counts from each person's next sign-in.")
                return redirect("group-mappings")
        except (EO13Error, ValueError) as exc:
            form.add_error(
                getattr(exc, "field", None) if getattr(exc, "field", None) in form.fields else None,
                getattr(exc, "message", "Check the values."),
            )
    return render(request, "accounts/group_mappings.html", {"rows": rows, "form": form, "can_edit": can_edit})
