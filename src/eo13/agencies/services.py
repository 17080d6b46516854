"""Changes to the registry: City Hall edits an agency's counsel contact (DESIGN "Roles")."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from eo13.accounts.actors import Actor
from eo13.accounts.policy import Role, require_role
from eo13.agencies.models import Agency
from eo13.audit.actions import AuditAction
from eo13.audit.services import audit_record
from eo13.errors import ValidationFailed
from eo13.text import clean_free_text
from eo13.versioning import versioned_update

# A U.S. number (NANP: 10 digits, optional +1), with an optional extension, or 311. Staff call it in a hurry, so
# it must be a number a phone can dial. No nested quantifiers: it runs in linear time.
PHONE = re.compile(r"\+?1?[ .-]?\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]?\d{4}(?: ?(?:x|ext\.?) ?\d{1,6})?|311")


def clean_counsel(name: str, email: str, phone: str) -> tuple[str, str, str]:
    """The counsel contact checked: a name, an e-mail address that can receive mail, a phone number to dial."""
    name, email, phone = (name or "").strip(), (email or "").strip(), (phone or "").strip()
    if not name or len(name) > 200:
        raise ValidationFailed("Give the counsel's name or office, under 200 characters.", field="counsel_name")
    try:
        if len(email) > 254:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        raise ValidationFailed("Enter an e-mail address like counsel@agency.nyc.gov.", field="counsel_email") from None
    if len(phone) > 40 or not PHONE.fullmatch(phone):
        raise ValidationFailed(
            "Enter a phone number like 212-555-0100 (an extension may follow).", field="counsel_phone"
        )
    # Counsel is a City employee or office: their name stays; any other identifier typed into it goes.
    return clean_free_text(name, field="counsel_name", max_length=200, keep=("name",)).text, email, phone


def agency_update_counsel(
    *,
    actor: Actor,
    agency: Agency,
    expected_version: int,
    counsel_name: str,
    counsel_email: str,
    counsel_phone: str,
) -> Agency:
    require_role(actor, {Role.CITY_HALL})
    # The contact is a City office; any identifier of a member of the public typed into its name is removed.
    counsel_name, counsel_email, counsel_phone = clean_counsel(counsel_name, counsel_email, counsel_phone)
    with transaction.atomic():
        agency, changes = versioned_update(
            agency,
            expected_version,
            conflict="Someone else changed this agency since you opened it. Reload and try again.",
            counsel_name=counsel_name,
            counsel_email=counsel_email,
            counsel_phone=counsel_phone,
        )
        audit_record(
            actor=actor,
            action=AuditAction.AGENCY_UPDATE_COUNSEL,
            target=agency,
            agency_code=agency.code,
            changes=changes,
        )
    return agency
