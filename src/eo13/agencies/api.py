"""API: the agency registry (INTERFACES §4)."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from eo13.agencies.models import Agency
from eo13.agencies.selectors import agency_by_code, agency_list
from eo13.agencies.services import agency_update_counsel
from eo13.api_limits import Label

router = Router(tags=["agencies"])


class AgencyOut(Schema):
    code: str
    name: str
    kind: str
    parent: str | None
    is_section_2: bool
    counsel_name: str
    counsel_email: str
    counsel_phone: str
    version: int


class CounselIn(Schema):
    counsel_name: Label
    counsel_email: Label
    counsel_phone: Label
    version: int


def _out(a: Agency) -> dict[str, Any]:
    return {
        "code": a.code,
        "name": a.name,
        "kind": a.kind,
        "parent": a.parent.code if a.parent else None,
        "is_section_2": a.is_section_2,
        "counsel_name": a.counsel_name,
        "counsel_email": a.counsel_email,
        "counsel_phone": a.counsel_phone,
        "version": a.version,
    }


def _get(code: str) -> Agency:
    return agency_by_code(code)


@router.get("", response=list[AgencyOut], summary="Every office the order reaches")
def agencies(request: HttpRequest, section_2: bool = False, kind: str | None = None) -> list[dict[str, Any]]:
    return [_out(a) for a in agency_list(section_2_only=section_2, kind=kind)]


@router.get("/{code}", response=AgencyOut, summary="One agency")
def agency(request: HttpRequest, code: str) -> dict[str, Any]:
    return _out(_get(code))


@router.patch("/{code}/counsel", response=AgencyOut, summary="Change an agency's counsel contact (City Hall)")
def update_counsel(request: HttpRequest, code: str, payload: CounselIn) -> dict[str, Any]:
    a = agency_update_counsel(
        actor=request.user,
        agency=_get(code),
        expected_version=payload.version,
        counsel_name=payload.counsel_name,
        counsel_email=payload.counsel_email,
        counsel_phone=payload.counsel_phone,
    )
    return _out(a)
