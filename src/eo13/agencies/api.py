"""API: the agency registry (INTERFACES §4)."""

from django.db.models import QuerySet
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

    # Read from the record itself, so every answer with an agency has one shape (issue 11 point 5).
    @staticmethod
    def resolve_parent(obj: Agency) -> str | None:
        return obj.parent.code if obj.parent else None


class CounselIn(Schema):
    counsel_name: Label
    counsel_email: Label
    counsel_phone: Label
    version: int


def _get(code: str) -> Agency:
    return agency_by_code(code)


@router.get("", response=list[AgencyOut], summary="Every office the order reaches")
def agencies(request: HttpRequest, section_2: bool = False, kind: str | None = None) -> QuerySet[Agency]:
    return agency_list(section_2_only=section_2, kind=kind)


@router.get("/{code}", response=AgencyOut, summary="One agency")
def agency(request: HttpRequest, code: str) -> Agency:
    return _get(code)


@router.patch("/{code}/counsel", response=AgencyOut, summary="Change an agency's counsel contact (City Hall)")
def update_counsel(request: HttpRequest, code: str, payload: CounselIn) -> Agency:
    return agency_update_counsel(
        actor=request.user,
        agency=_get(code),
        expected_version=payload.version,
        counsel_name=payload.counsel_name,
        counsel_email=payload.counsel_email,
        counsel_phone=payload.counsel_phone,
    )
