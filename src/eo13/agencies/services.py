"""Changes to the registry: City Hall edits an agency's counsel contact (DESIGN "Roles")."""

from django.db import transaction

from eo13.accounts.policy import Role, require_role
from eo13.agencies.models import Agency
from eo13.audit.services import audit_record, field_changes, snapshot
from eo13.errors import ConflictError
from eo13.text import clean_free_text

COUNSEL_FIELDS = ("counsel_name", "counsel_email", "counsel_phone")


def agency_update_counsel(
    *,
    actor: object,
    agency: Agency,
    expected_version: int,
    counsel_name: str,
    counsel_email: str,
    counsel_phone: str,
) -> Agency:
    require_role(actor, {Role.CITY_HALL})
    # The contact is a City office; any identifier of a member of the public typed into its name is removed.
    counsel_name = clean_free_text(counsel_name, field="counsel_name", max_length=200, keep=("name",)).text
    with transaction.atomic():
        before = snapshot(agency, COUNSEL_FIELDS)
        updated = Agency.objects.filter(pk=agency.pk, version=expected_version).update(
            counsel_name=counsel_name,
            counsel_email=counsel_email,
            counsel_phone=counsel_phone,
            version=expected_version + 1,
        )
        if not updated:
            raise ConflictError("Someone else changed this agency since you opened it. Reload and try again.")
        agency.refresh_from_db()
        audit_record(
            actor=actor,
            action="agency.update_counsel",
            target=agency,
            agency_code=agency.code,
            changes=field_changes(before, snapshot(agency, COUNSEL_FIELDS)),
        )
    return agency
