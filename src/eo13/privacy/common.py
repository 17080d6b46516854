"""Shared helpers of the privacy app: who may do what, today's New York date, and the one scrubber."""

import re
from datetime import date

from eo13 import clock
from eo13.accounts.policy import AgencyScopedPolicy, Role
from eo13.errors import ValidationFailed
from eo13.text import clean_free_text

# The register of privacy officers: agencies name their own (EO 13 §6); the CPO keeps the whole register.
register_policy = AgencyScopedPolicy(
    read_own=frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER}),
    read_all=frozenset({Role.CITY_HALL, Role.AUDITOR}),
    write_own=frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER}),
    write_all=frozenset({Role.CHIEF_PRIVACY_OFFICER}),
    tell_all=frozenset({Role.CHIEF_PRIVACY_OFFICER}),  # a vacancy anywhere is the CPO's to chase (§6)
)
# Requests for identifying information: the agency's privacy officer works them; the CPO and auditors read all.
# City Hall sees aggregates only (reports), never the register of requests.
request_policy = AgencyScopedPolicy(
    write_own=frozenset({Role.PRIVACY_OFFICER}),
    read_all=frozenset({Role.CHIEF_PRIVACY_OFFICER, Role.AUDITOR}),
)
CPO_ROLES = frozenset({Role.CHIEF_PRIVACY_OFFICER})
TRAINING_READERS = frozenset(
    {Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR, Role.PRIVACY_OFFICER, Role.AGENCY_LEAD}
)
PROTOCOL_READERS = frozenset(Role.values)
REPORT_ROLES = frozenset({Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.AUDITOR, Role.PRIVACY_OFFICER})

_PHONE = re.compile(r"^\+?[0-9][0-9 ().-]{6,22}[0-9](?:\s*(?:x|ext\.?)\s*\d{1,6})?$", re.I)


def clean_text(
    value: str | None, *, field: str, max_length: int = 5000, required: bool = False, keep: tuple[str, ...] = ()
) -> tuple[str, tuple[str, ...]]:
    """Scrub free text (DESIGN "Privacy by design"): the ``Cleaned`` result, unpacked as ``(text, removed)``."""
    result = clean_free_text(value, field=field, max_length=max_length, required=required, keep=keep)
    return result.text, result.removed


def clean_phone(value: str, *, field: str = "phone") -> str:
    phone = (value or "").strip()
    if not _PHONE.match(phone):
        raise ValidationFailed("Enter a work phone number, like 212-555-0100.", field=field)
    return phone


def check_date(value: date | None, *, field: str, required: bool = True, not_future: bool = True) -> None:
    if value is None:
        if required:
            raise ValidationFailed("Enter a date.", field=field)
        return
    if not_future and value > clock.today():
        raise ValidationFailed("This date is in the future.", field=field)
