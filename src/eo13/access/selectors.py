"""Reads of access records, each starting from the rows the user may see."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet

from eo13.access.models import Agreement, CityProperty, DecisionLog, Encounter, RequestingAgency
from eo13.access.policy import agreement_policy, decision_policy, encounter_policy, visible_with_own

SEARCH_LIMIT = 20


def property_search(*, q: str, limit: int = SEARCH_LIMIT, city_lots_only: bool = False) -> QuerySet[CityProperty]:
    """By address, name or BBL. One scan of one upper-cased column; fast enough to run on every keystroke."""
    term = " ".join(q.upper().split())
    qs = CityProperty.objects.all()
    if city_lots_only:
        qs = qs.filter(is_city_lot=True)
    if not term:
        return qs.none()
    return qs.filter(search_text__contains=term).order_by("address", "uid")[:limit]


def encounter_list(*, user: Any, agency_code: str | None = None) -> QuerySet[Encounter]:
    qs = visible_with_own(encounter_policy, user, Encounter.objects.select_related("agency", "property"), "created_by")
    if agency_code:
        qs = qs.filter(agency__code=agency_code.upper())
    return qs


def decision_list(*, user: Any) -> QuerySet[DecisionLog]:
    return visible_with_own(decision_policy, user, DecisionLog.objects.select_related("agency"), "asked_by")


def agreement_list(*, user: Any) -> QuerySet[Agreement]:
    return agreement_policy.visible(user, Agreement.objects.select_related("agency").prefetch_related("covered"))


def quarter_bounds(year: int, quarter: int) -> tuple[datetime, datetime]:
    from zoneinfo import ZoneInfo

    ny = ZoneInfo("America/New_York")
    start = datetime(year, 3 * (quarter - 1) + 1, 1, tzinfo=ny)
    end = datetime(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1, tzinfo=ny)
    return start, end


def requests_report(*, user: Any, year: int, quarter: int) -> list[dict[str, Any]]:
    """Admin Code §10-178(d): requests from non-local law enforcement for help with immigration enforcement and the
    City's response, by requesting and receiving agency, for one quarter. Counts only; nothing about people."""
    start, end = quarter_bounds(year, quarter)
    qs = encounter_list(user=user).filter(occurred_at__gte=start, occurred_at__lt=end, immigration_enforcement=True)
    rows = (
        qs.values("requesting_agency", "agency__code")
        .annotate(
            requests=Count("id"),
            declined=Count("id", filter=Q(city_response="declined")),
            allowed=Count("id", filter=Q(city_response="allowed_exception")),
            referred=Count("id", filter=Q(city_response="referred")),
            other=Count("id", filter=Q(city_response__in=["they_left", "other"])),
        )
        .order_by("requesting_agency", "agency__code")
    )
    labels = dict(RequestingAgency.choices)
    return [{**r, "requesting_agency_label": labels.get(r["requesting_agency"], "Another agency")} for r in rows]
