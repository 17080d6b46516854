"""Who may see and change access records (DESIGN "Roles")."""

from typing import Any

from django.db.models import Q, QuerySet

from eo13.accounts.policy import AgencyScopedPolicy, Role, agency_ids, has_role

ALL_ROLES = frozenset(Role.values)

encounter_policy = AgencyScopedPolicy(
    read_own=frozenset({Role.AGENCY_LEAD}),
    write_own=frozenset({Role.AGENCY_LEAD}),
    read_all=frozenset({Role.CITY_HALL, Role.AUDITOR}),
)
decision_policy = AgencyScopedPolicy(
    read_own=frozenset({Role.AGENCY_LEAD}),
    read_all=frozenset({Role.CITY_HALL, Role.AUDITOR}),
)
agreement_policy = AgencyScopedPolicy(
    read_all=ALL_ROLES,
    write_own=frozenset({Role.AGENCY_LEAD}),
    write_all=frozenset({Role.CITY_HALL}),
)
# Anyone with a working role may ask for a decision, which is logged; the read-only auditor (and a user with no
# role) only reads, so they cannot add decision-log or audit rows (issue 9, Low).
DECIDERS = ALL_ROLES - {Role.AUDITOR}
NOT_A_DECIDER = "Your role reads records only. Ask a colleague with a staff role to run the decision guide."

# Front-line staff file encounter records for their own agency and see the ones they filed.
FILERS = frozenset({Role.FRONTLINE, Role.AGENCY_LEAD})


def visible_with_own(policy: AgencyScopedPolicy, user: Any, qs: QuerySet[Any], owner_field: str) -> QuerySet[Any]:
    """The policy's rows, plus the rows this user made (front-line staff see what they filed or asked)."""
    if has_role(user, policy.read_all | policy.write_all):
        return qs
    own_agencies = agency_ids(user, policy.read_own | policy.write_own)
    return (
        qs.filter(Q(agency_id__in=own_agencies) | Q(**{owner_field: user.pk})) if user.is_authenticated else qs.none()
    )


def may_decide(user: Any) -> bool:
    return has_role(user, DECIDERS)


def may_file_for(user: Any, agency_id: int) -> bool:
    return agency_id in agency_ids(user, FILERS)


def sees_free_text(user: Any, encounter: Any) -> bool:
    """City Hall reads everything but encounter free text (DESIGN "Roles")."""
    if has_role(user, {Role.AUDITOR}):
        return True
    return encounter.agency_id in agency_ids(user, {Role.AGENCY_LEAD}) or encounter.created_by_id == user.pk
