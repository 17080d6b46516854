"""Reads of accounts. Memberships are agency-scoped: a lead sees the people of their own agency only."""

from typing import Any

from django.db.models import QuerySet

from eo13.accounts.models import APIToken, Membership
from eo13.accounts.policy import AgencyScopedPolicy, Role

membership_policy = AgencyScopedPolicy(
    read_own=frozenset({Role.AGENCY_LEAD, Role.PRIVACY_OFFICER}),
    read_all=frozenset({Role.CITY_HALL, Role.CHIEF_PRIVACY_OFFICER, Role.AUDITOR}),
)


def membership_list(*, user: Any, agency_code: str | None = None) -> QuerySet[Membership]:
    qs = membership_policy.visible(user, Membership.objects.select_related("user", "agency"))
    if agency_code:
        qs = qs.filter(agency__code=agency_code.upper())
    return qs


def token_list(*, user: Any) -> QuerySet[APIToken]:
    return APIToken.objects.filter(user=user)
