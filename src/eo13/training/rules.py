"""Checks for the values a roster or completion carries, shared by the services and the CSV importers.

Each ``clean_*`` returns the stored value or raises :class:`ValidationFailed` naming the field. Messages never
repeat the value they refuse: a refused value may be an identifier that must not travel further.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator

from eo13 import clock
from eo13.errors import ValidationFailed
from eo13.law.deadlines import ORDER_ISSUED
from eo13.scrub import scrub
from eo13.text import clean_free_text
from eo13.training.models import RoleGroup

_STAFF_ID = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9 ._/-]{0,38}[A-Za-z0-9])?$")
_NINE_DIGITS = re.compile(r"\d{9}")
_SEPARATORS = re.compile(r"[\s.-]")
_COURSE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
NAME_MAX = 200
_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


class _EmailCheck(EmailValidator):
    """Django's own e-mail check, its patterns compiled once: reached through Django's lazy proxies they were a
    third of a 350,000-person import's time (issue 14)."""

    user_regex = re.compile(EmailValidator.user_regex.pattern, EmailValidator.user_regex.flags)
    domain_regex = re.compile(EmailValidator.domain_regex.pattern, EmailValidator.domain_regex.flags)
    literal_regex = re.compile(EmailValidator.literal_regex.pattern, EmailValidator.literal_regex.flags)


validate_email = _EmailCheck()


def clean_staff_id(value: str | None, *, scrub_checked: bool = False) -> str:
    """The agency's own identifier. Never an SSN or other personal identifier (DESIGN "Privacy by design").

    ``scrub_checked``: the caller already knows the scrubber leaves the stripped value as it is (an import checks
    its rows in batches, ``eo13.scrub.batch``)."""
    text = (value or "").strip()
    if not text:
        raise ValidationFailed("Staff id is required.", field="staff_id")
    if (not scrub_checked and scrub(text).changed) or _NINE_DIGITS.search(_SEPARATORS.sub("", text)):
        raise ValidationFailed(
            "Staff id looks like a Social Security number or other personal identifier. "
            "Use the agency's own staff number instead.",
            field="staff_id",
        )
    if not _STAFF_ID.match(text):
        raise ValidationFailed(
            "Staff id may use letters, numbers, spaces and . _ / - (up to 40 characters).", field="staff_id"
        )
    return text


def clean_display_name(value: str | None, *, scrub_checked: bool = False) -> str:
    """Free text: scrubbed like every other (DESIGN "Privacy by design"). ``scrub_checked``: as for the staff id."""
    if scrub_checked and value and len(value) <= NAME_MAX and value == value.strip():
        return value  # what clean_free_text returns for a text the scrubber leaves alone
    # The trainee is a City employee or contractor: their own name stays, other identifiers go.
    text = clean_free_text(value, field="display_name", max_length=NAME_MAX, keep=("name",)).text
    if not text:
        raise ValidationFailed("Name is required.", field="display_name")
    return text


def clean_work_email(value: str | None) -> str:
    text = (value or "").strip().lower()
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError as exc:
        raise ValidationFailed("Work e-mail is not a valid e-mail address.", field="work_email") from exc
    if len(text) > 254:
        raise ValidationFailed("Work e-mail is too long.", field="work_email")
    return text


def clean_role_group(value: str | None) -> str:
    text = (value or "").strip().lower()
    if text not in RoleGroup.values:
        raise ValidationFailed(
            "Role group must be one of: employee, officer, contractor, subcontractor (EO 13 §2(2)).",
            field="role_group",
        )
    return text


def parse_flag(value: str | None, field: str) -> bool:
    text = (value or "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationFailed("Use yes or no.", field=field)


def clean_course_code(value: str | None) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationFailed("Course code is required.", field="code")
    if scrub(text).changed or not _COURSE_CODE.match(text):
        raise ValidationFailed(
            "Course code may use letters, numbers and . _ - (up to 40 characters, no spaces).", field="code"
        )
    return text


def clean_title(value: str | None) -> str:
    text = scrub((value or "").strip()).text
    if not text:
        raise ValidationFailed("Title is required.", field="title")
    if len(text) > 200:
        raise ValidationFailed("Keep the title under 200 characters.", field="title")
    return text


def clean_completed_on(value: dt.date | str | None) -> dt.date:
    """A New York date, not in the future and not before the order (EO 13 §2(2), §9)."""
    if isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat((value or "").strip())
        except ValueError as exc:
            raise ValidationFailed("Completion date must be a date like 2026-11-20.", field="completed_on") from exc
    if day > clock.today():
        raise ValidationFailed("Completion date is in the future.", field="completed_on")
    if day < ORDER_ISSUED:
        raise ValidationFailed(
            f"Completion date is before the order was issued on {ORDER_ISSUED.isoformat()} (EO 13 §9).",
            field="completed_on",
        )
    return day
