"""API: the sign-in group mapping City Hall keeps, the HR leavers sync, and "sign out everywhere" (issue 15)."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from eo13.accounts.group_mappings import group_mapping_create, group_mapping_delete, group_mapping_list
from eo13.accounts.hr_sync import SyncReport, accounts_sync
from eo13.accounts.models import GroupMapping
from eo13.accounts.policy import Role, has_role
from eo13.accounts.sessions import sessions_revoke_for_user
from eo13.accounts.tokens import tokens_revoke_for_user
from eo13.api_limits import Label
from eo13.errors import PermissionDenied, ValidationFailed

router = Router(tags=["accounts"])


class GroupMappingIn(Schema):
    group: Label
    agency: Label
    role: Label
    is_chair: bool = False


class GroupMappingOut(Schema):
    id: int
    group: str
    agency: str
    role: str
    is_chair: bool

    # Read from the record itself, so the list and the new mapping answer with one shape (issue 11 point 5).
    @staticmethod
    def resolve_agency(obj: GroupMapping) -> str:
        return obj.agency.code


class SyncOut(Schema):
    listed: int
    deactivated: list[str]


class SignOutEverywhereIn(Schema):
    keep_api_tokens: bool = False


@router.get("/accounts/group-mappings", response=list[GroupMappingOut], summary="Sign-in groups and their roles")
def group_mappings(request: HttpRequest) -> QuerySet[GroupMapping]:
    return group_mapping_list(user=request.user)


@router.post("/accounts/group-mappings", response={201: GroupMappingOut}, summary="Map a sign-in group to a role")
def group_mapping_add(request: HttpRequest, payload: GroupMappingIn) -> Status[Any]:
    m = group_mapping_create(
        actor=request.user,
        group=payload.group,
        agency_code=payload.agency,
        role=payload.role,
        is_chair=payload.is_chair,
    )
    return Status(201, m)


@router.delete("/accounts/group-mappings/{mapping_id}", response={204: None}, summary="Remove a sign-in group")
def group_mapping_remove(request: HttpRequest, mapping_id: int) -> Status[Any]:
    group_mapping_delete(actor=request.user, mapping_id=mapping_id)
    return Status(204, None)


@router.post("/accounts/sync", response=SyncOut, summary="Switch off leavers from HR's list of active staff")
def accounts_sync_upload(request: HttpRequest, file: File[UploadedFile]) -> SyncReport:
    """CSV with the columns employee_id, agency. All or nothing: any bad row changes nothing (422)."""
    if not (request.user.is_superuser or has_role(request.user, {Role.CITY_HALL})):
        raise PermissionDenied("Only City Hall may sync accounts with HR.")
    report = accounts_sync(file.read(), actor=request.user)
    if not report.ok:
        raise ValidationFailed("; ".join(f"line {n}: {why}" for n, why in report.errors), "file")
    return report


@router.post("/auth/sign-out-everywhere", response={204: None}, summary="End all my sessions and API tokens")
def sign_out_everywhere(request: HttpRequest, payload: SignOutEverywhereIn) -> Status[Any]:
    sessions_revoke_for_user(actor=request.user, user=request.user, reason="sign out everywhere (API)")  # type: ignore[arg-type]
    if not payload.keep_api_tokens:
        tokens_revoke_for_user(request.user, "sign out everywhere (API)")  # type: ignore[arg-type]
    return Status(204, None)
