"""Web pages of encounter records: the form after the guide (carrying every answer over), the list and one record
(EO 13 §3; Admin Code §10-178(d)). Split from ``views`` so each file keeps to one job."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from eo13.access.forms import EncounterForm
from eo13.access.guide import PLACES
from eo13.access.policy import FILERS, sees_free_text
from eo13.access.registry import resolve_property
from eo13.access.selectors import decision_list, encounter_list
from eo13.access.services import encounter_create
from eo13.accounts.policy import memberships
from eo13.errors import EO13Error
from eo13.law.definitions import DHS_FORMS
from eo13.law.warrant import warrant_reasons
from eo13.scrub import removed_note
from eo13.web.errors import form_error
from eo13.web.listing import listing


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
    form = EncounterForm(request.POST or None, initial=initial, place_label=initial.pop("place_label", ""))
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
    """Everything the guide was told, carried into the record; what it was not told is left for the person to
    choose (issue 13: no silent defaults)."""
    facts = log.facts or {}
    kind = {"lot-use": "use_lot", "property-access": "enter_non_public"}.get(log.kind, "other")
    initial: dict[str, Any] = {"decision": log.pk, "request_kind": kind, "documents_shown": _documents(log, facts)}
    if facts.get("property_id"):
        prop = resolve_property(facts["property_id"])
        if prop is not None:
            initial |= {"property": prop.uid, "place_label": prop.label}
    elif isinstance(facts.get("property"), dict):
        described = next((label for label, f in PLACES.values() if f == facts["property"]), "")
        initial["place_description"] = described[:200]
    agency = _requesting_agency(facts)
    if agency:
        initial["requesting_agency"] = agency
    immigration = facts.get("immigration_enforcement")
    if immigration is None and _paper(log, facts).get("form") in DHS_FORMS:
        immigration = True  # they showed an immigration form (I-200, I-205, I-247A)
    if immigration is not None:
        initial["immigration_enforcement"] = "yes" if immigration else "no"
    return initial


def _paper(log: Any, facts: dict[str, Any]) -> dict[str, Any]:
    paper = facts.get("warrant") or (facts if log.kind == "warrant" else None)
    return paper if isinstance(paper, dict) and paper.get("issued_by") else {}


def _documents(log: Any, facts: dict[str, Any]) -> list[str]:
    paper = _paper(log, facts)
    if paper.get("form") in DHS_FORMS:
        return [paper["form"]]
    if paper:
        judicial, _ = warrant_reasons({"form": None, "authorizes": [], **paper})
        return ["judicial_warrant" if judicial else "other"]
    if "judicial_warrant" in (facts.get("exceptions") or []) or facts.get("judicial_warrant") is True:
        return ["judicial_warrant"]
    if facts.get("judicial_warrant") is False:
        return ["none"]
    return []


def _requesting_agency(facts: dict[str, Any]) -> str:
    """Only what the answer says: "federal agents" could be any federal agency, so that is left to choose."""
    employer = (facts.get("personnel") or {}).get("employer")
    return {"state": "state", "other": "other", "other_state": "other"}.get(employer or "", "")


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
    rows = listing(request, encounter_list(user=request.user), search=("agency__code", "agency__name"))
    return render(request, "access/encounter_list.html", {"list": rows, "can_file": bool(_filer_memberships(request))})


@login_required
def encounter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    e = encounter_list(user=request.user).filter(pk=pk).first()
    if e is None:
        raise Http404
    return render(request, "access/encounter_detail.html", {"e": e, "free_text": sees_free_text(request.user, e)})
