"""Who may see what, and who should be told: one permission policy per record type (after Wagtail's permission
policies and its ``users_with_any_permission``).

Every selector starts from ``policy.visible(user, queryset)``; views and API endpoints never filter by hand, and
mail goes to ``policy.users_to_tell(record)``, never to a hand-made list of memberships (issue 11).
Agency-scoped roles see their own agency's rows (and its divisions'); citywide roles see every agency's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import Model, Q, QuerySet

from eo13.accounts.actors import ActorOrJob
from eo13.accounts.membership_read import KEPT_ON_USER, memberships_read
from eo13.accounts.models import Membership, Role, User
from eo13.agencies.models import Agency
from eo13.errors import PermissionDenied

AGENCY_ROLES = frozenset({Role.FRONTLINE, Role.AGENCY_LEAD, Role.PRIVACY_OFFICER})
CITYWIDE_ROLES = frozenset({Role.CHIEF_PRIVACY_OFFICER, Role.CITY_HALL, Role.COMMITTEE, Role.AUDITOR})

__all__ = ["AGENCY_ROLES", "CITYWIDE_ROLES", "AgencyScopedPolicy", "Role", "memberships", "require_role"]


def memberships(user: ActorOrJob | None) -> list[Membership]:
    """The user's memberships, read once per request and kept on the user object."""
    if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
        return []  # anonymous, or a job acting under a name: no roles
    cached = getattr(user, KEPT_ON_USER, None)
    if cached is None:
        cached = memberships_read(user.pk)  # the ORM query below, from a statement built once (issue 14)
        setattr(user, KEPT_ON_USER, cached)
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


_CHECKED: set[tuple[str, type[Model]]] = set()  # (agency field, model) pairs found to lead to an agency


@dataclass(frozen=True)
class AgencyScopedPolicy:
    """Read and write rules for one record type that belongs to an agency.

    ``agency_field`` is the lookup from the record to its agency (``"agency"``, ``"parcel__agency"``, or ``"pk"``
    for agencies themselves). ``tell_own`` roles are told about records of the agency they hold the role at (or of
    its divisions); ``tell_all`` roles about every agency's. Unknown roles fail at import; an agency field that does
    not lead to an agency fails the first time the policy meets the model (``ImproperlyConfigured``).
    """

    agency_field: str = "agency"
    read_own: frozenset[str] = field(default_factory=frozenset)
    read_all: frozenset[str] = field(default_factory=frozenset)
    write_own: frozenset[str] = field(default_factory=frozenset)
    write_all: frozenset[str] = field(default_factory=frozenset)
    tell_own: frozenset[str] = field(default_factory=frozenset)
    tell_all: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        sets = (self.read_own, self.read_all, self.write_own, self.write_all, self.tell_own, self.tell_all)
        unknown = set().union(*sets) - set(Role.values)
        if unknown:
            raise ImproperlyConfigured(f"Unknown role(s) in a permission policy: {', '.join(sorted(unknown))}")
        if not all(part.isidentifier() for part in self.agency_field.split("__")):
            raise ImproperlyConfigured(f"Not a field path: {self.agency_field!r}")

    def check_model(self, model: type[Model]) -> None:
        """The agency field must lead from ``model`` to an agency (checked once per model)."""
        if (self.agency_field, model) in _CHECKED:
            return
        target: Any = model
        try:
            for part in self.agency_field.split("__"):
                if part == "pk":
                    break
                f = target._meta.get_field(part)
                target = f.related_model if f.is_relation else target
        except FieldDoesNotExist as exc:
            raise ImproperlyConfigured(f"{model.__name__} has no field path {self.agency_field!r}") from exc
        if target is not Agency:
            raise ImproperlyConfigured(f"{model.__name__}.{self.agency_field} does not lead to an agency")
        _CHECKED.add((self.agency_field, model))

    def users_to_tell(self, instance: Model | None = None, *, agency_id: int | None = None) -> list[User]:
        """Who should be told about this record (or about this agency's records): active people with an e-mail
        address who hold a ``tell_own`` role at its agency or at the agency it is a division of, or a ``tell_all``
        role anywhere. Sorted, each once."""
        if instance is not None:
            agency_id = self._agency_id(instance)
        agency = Agency.objects.filter(pk=agency_id).first() if agency_id is not None else None
        if agency is None:
            return []
        own = {agency.pk} | ({agency.parent_id} if agency.parent_id else set())
        ms = Membership.objects.filter(
            Q(agency_id__in=own, role__in=self.tell_own) | Q(role__in=self.tell_all),
            user__is_active=True,
            user__email__gt="",
        ).select_related("user")
        return sorted({m.user_id: m.user for m in ms}.values(), key=lambda u: u.pk)

    def writable_agencies(self, user: ActorOrJob | None) -> QuerySet[Agency]:
        """The agencies whose records ``user`` may change: all of them for a ``write_all`` role."""
        if has_role(user, self.write_all):
            return Agency.objects.all()
        return Agency.objects.filter(pk__in=agency_ids(user, self.write_own))

    def _filter(
        self, user: ActorOrJob | None, qs: QuerySet[Any], own: frozenset[str], every: frozenset[str]
    ) -> QuerySet[Any]:
        self.check_model(qs.model)
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
        self.check_model(type(instance))
        if self.agency_field == "pk":
            return int(instance.pk)
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
