"""Reads of the agency registry. The registry itself is reference data every signed-in user may read."""

from collections.abc import Iterable

from django.db.models import QuerySet

from eo13.agencies.models import Agency
from eo13.errors import NotFound


def agency_list(*, section_2_only: bool = False, kind: str | None = None) -> QuerySet[Agency]:
    qs = Agency.objects.filter(active=True).select_related("parent")
    if section_2_only:
        qs = qs.filter(is_section_2=True)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def clean_code(code: str | None) -> str:
    """An agency code as people type it (" acs ") in the registry's form ("ACS", INTERFACES §4)."""
    return (code or "").strip().upper()


def agency_by_code(code: str | None, *, include_inactive: bool = False, field: str = "agency") -> Agency:
    """The one way from an agency code to the agency, for every path that takes a code (issue 11 point 5).

    Case and surrounding spaces do not matter. An unknown code and a retired (inactive) one get the same answer,
    ``NotFound`` on ``field``: 404 with the error object in the API, the message on that field in a form."""
    wanted = clean_code(code)
    qs = Agency.objects.select_related("parent")
    if not include_inactive:
        qs = qs.filter(active=True)
    agency = qs.filter(code=wanted).first() if wanted else None
    if agency is None:
        raise NotFound(f"{wanted or code!r} is not a known agency code (INTERFACES §4 lists them).", field=field)
    return agency


def agencies_by_code(codes: Iterable[str], *, field: str = "agencies") -> list[Agency]:
    """Several codes at once, sorted by code; any unknown or retired one is refused, all named at once."""
    wanted = {clean_code(c) for c in codes if clean_code(c)}
    found = list(Agency.objects.filter(code__in=wanted, active=True))
    missing = wanted - {a.code for a in found}
    if missing:
        raise NotFound(f"Not known agency codes: {', '.join(sorted(missing))} (INTERFACES §4 lists them).", field=field)
    return sorted(found, key=lambda a: a.code)


def section_2_agencies() -> QuerySet[Agency]:
    return agency_list(section_2_only=True)
