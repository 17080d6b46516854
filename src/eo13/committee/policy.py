"""Who sees and does what in the Committee (EO 13 §7(2), §7(3), §8(2); DESIGN "Roles").

The chair and the three advisers (Committee accounts at City Hall or MOIA), City Hall and auditors see every
Committee record. Other Committee members (each entity's senior operations managers) see the crises and their own
entity's actions and requests. Agency leads see and answer what was given to their agency. Front-line staff and
privacy officers see nothing of it.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from eo13.accounts.policy import Role, agency_ids, has_role, memberships
from eo13.errors import PermissionDenied

LEADERSHIP_OFFICES = frozenset({"CITYHALL", "MOIA"})  # EO 13 §7(2): First Deputy Mayor, Chief Counsel, MOIA
READ_ALL_ROLES = frozenset({Role.CITY_HALL, Role.AUDITOR})
ANSWER_ROLES = frozenset({Role.AGENCY_LEAD, Role.COMMITTEE})
ENTRY_ROLES = frozenset({Role.COMMITTEE, Role.CITY_HALL, Role.AUDITOR, Role.AGENCY_LEAD})
CRISIS_ROLES = frozenset({Role.COMMITTEE, Role.CITY_HALL, Role.AUDITOR})
# Counts under 5 are shown to these roles only (EO 13 §7(1)(e): the Committee and City Hall gather the data).
UNSUPPRESSED_ROLES = frozenset({Role.COMMITTEE, Role.CITY_HALL})


def is_chair(user: Any) -> bool:
    return any(m.role == Role.COMMITTEE and m.is_chair for m in memberships(user))


def is_leadership(user: Any) -> bool:
    """The chair and the advisers of EO 13 §7(2)."""
    return any(
        m.role == Role.COMMITTEE and (m.is_chair or m.agency.code in LEADERSHIP_OFFICES) for m in memberships(user)
    )


def sees_all(user: Any) -> bool:
    return is_leadership(user) or has_role(user, READ_ALL_ROLES)


def require_entry(user: Any) -> None:
    if not has_role(user, ENTRY_ROLES):
        raise PermissionDenied("The Committee's records are for the Committee, City Hall and agency leads.")


def require_crises(user: Any) -> None:
    if not has_role(user, CRISIS_ROLES):
        raise PermissionDenied("Crisis records are for the Committee and City Hall.")


def require_leadership(user: Any) -> None:
    if _is_system(user):
        return
    if not is_leadership(user):
        raise PermissionDenied("Only the chair and the advisers do this (EO 13 §7(2)).")


def require_chair(user: Any) -> None:
    if _is_system(user):
        return
    if not is_chair(user):
        raise PermissionDenied("Only the chair approves this (EO 13 §7(2)).")


def require_city_hall(user: Any) -> None:
    if _is_system(user):
        return
    if not has_role(user, {Role.CITY_HALL}):
        raise PermissionDenied("City Hall records what the Mayor directed (EO 13 §7(1)(f)).")


def require_answer(user: Any, agency_id: int) -> None:
    """An agency's own lead or Committee member answers for it."""
    if _is_system(user):
        return
    if agency_id not in agency_ids(user, ANSWER_ROLES):
        raise PermissionDenied("Only the office this was given to can answer it.")


def can_answer(user: Any, agency_id: int) -> bool:
    return agency_id in agency_ids(user, ANSWER_ROLES)


def scoped(user: Any, qs: QuerySet[Any], agency_field: str = "agency") -> QuerySet[Any]:
    """Rows of an agency-owned Committee record the user may see."""
    if sees_all(user):
        return qs
    ids = agency_ids(user, ANSWER_ROLES)
    if not ids:
        return qs.none()
    return qs.filter(**{f"{agency_field}__in": ids})


def sees_small_counts(user: Any) -> bool:
    return has_role(user, UNSUPPRESSED_ROLES)


def _is_system(user: Any) -> bool:
    return not getattr(user, "is_authenticated", False)
