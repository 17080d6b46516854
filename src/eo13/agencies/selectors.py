"""Reads of the agency registry. The registry itself is reference data every signed-in user may read."""

from django.db.models import QuerySet

from eo13.agencies.models import Agency


def agency_list(*, section_2_only: bool = False, kind: str | None = None) -> QuerySet[Agency]:
    qs = Agency.objects.filter(active=True).select_related("parent")
    if section_2_only:
        qs = qs.filter(is_section_2=True)
    if kind:
        qs = qs.filter(kind=kind)
    return qs


def agency_get(code: str) -> Agency:
    return Agency.objects.select_related("parent").get(code=code.upper())


def section_2_agencies() -> QuerySet[Agency]:
    return agency_list(section_2_only=True)
