"""Who may see what: one permission policy per record type (after Wagtail's permission policies).

Every selector starts from ``policy.visible(user, queryset)``; views and API endpoints never filter by hand.
Agency-scoped roles see their own agency's rows (and its divisions'); citywide roles see every agency's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, Q, QuerySet

from eo13.accounts.actors import ActorOrJob
from eo13.accounts.models import Membership, Role, User
from eo13.errors import PermissionDenied

AGENCY_ROLES = frozenset({Role.FRONTLINE, Role.AGENCY_LEAD, Role.PRIVACY_OFFICER})
CITYWIDE_ROLES = frozenset({Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.COMMITTEE, Role.AUDITOR})

__all__ = ["AGENCY_ROLES", "CITYWIDE_ROLES", "AgencyScopedPolicy", "Role", "memberships", "require_role"]


def memberships(user: ActorOrJob | None) -> list[Membership]:
    """The user's memberships, read once per request and kept on the user object."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
        return []  # anonymous, or a job acting under a name: no roles
    cached = getattr(user, "_eo13_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("agency"))
        user._eo13_memberships = cached  # type: ignore[attr-defined]
    return cached


def roles(user: ActorOrJob | None) -> set[str]:
    return {m.role for m in memberships(user)}


def has_role(user: ActorOrJob | None, allowed: Iterable[str]) -> bool:
    return bool(roles(user) & set(allowed))


def require_role(user: ActorOrJob | None, allowed: Iterable[str]) -> None:
    if not has_role(user, allowed):
        raise PermissionDenied("Your role does not allow this.")


def agency_ids(user: ActorOrJob | None, allowed: Iterable[str]) -> set[int]:
    """Agencies (with their divisions) where the user holds one of ``allowed`` roles."""
    allowed = set(allowed)
    ids: set[int] = set()
    for m in memberships(user):
        if m.role in allowed:
            ids.add(m.agency_id)
            ids.update(m.agency.divisions.values_list("id", flat=True))
    return ids


def primary_membership(user: ActorOrJob | None) -> Membership | None:
    ms = memberships(user)
    return ms[0] if ms else None


@dataclass(frozen=True)
class AgencyScopedPolicy:
    """Read and write rules for one record type that belongs to an agency.

    ``agency_field`` is the lookup from the record to its agency (``"agency"``, ``"parcel__agency"``).
    """

    agency_field: str = "agency"
    read_own: frozenset[str] = field(default_factory=frozenset)
    read_all: frozenset[str] = field(default_factory=frozenset)
    write_own: frozenset[str] = field(default_factory=frozenset)
    write_all: frozenset[str] = field(default_factory=frozenset)

    def _filter(
        self, user: ActorOrJob | None, qs: QuerySet[Any], own: frozenset[str], every: frozenset[str]
    ) -> QuerySet[Any]:
        if has_role(user, every):
            return qs
        ids = agency_ids(user, own)
        if not ids:
            return qs.none()
        return qs.filter(Q(**{f"{self.agency_field}__in": ids}))

    def visible(self, user: ActorOrJob | None, qs: QuerySet[Any]) -> QuerySet[Any]:
        return self._filter(user, qs, self.read_own | self.write_own, self.read_all | self.write_all)

    def editable(self, user: ActorOrJob | None, qs: QuerySet[Any]) -> QuerySet[Any]:
        return self._filter(user, qs, self.write_own, self.write_all)

    def _agency_id(self, instance: Model) -> int | None:
        obj: Any = instance
        parts = self.agency_field.split("__")
        for part in parts[:-1]:
            obj = getattr(obj, part)
        return getattr(obj, f"{parts[-1]}_id", None)

    def can_read(self, user: ActorOrJob | None, instance: Model) -> bool:
        if has_role(user, self.read_all | self.write_all):
            return True
        return self._agency_id(instance) in agency_ids(user, self.read_own | self.write_own)

    def can_write(self, user: ActorOrJob | None, instance: Model | None = None, agency_id: int | None = None) -> bool:
        if has_role(user, self.write_all):
            return True
        target = agency_id if instance is None else self._agency_id(instance)
        return target in agency_ids(user, self.write_own)

    def require_write(
        self, user: ActorOrJob | None, instance: Model | None = None, agency_id: int | None = None
    ) -> None:
        if not self.can_write(user, instance, agency_id):
            raise PermissionDenied("Your role does not allow changing this agency's records.")
