"""Reads of detainer counts, each starting from the rows the user may see (Admin Code §9-131, §9-205, §14-154)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet, Sum

from eo13.accounts.policy import agency_ids, has_role
from eo13.agencies.models import Agency
from eo13.agencies.selectors import clean_code
from eo13.detainers.models import OUTCOMES, DetainerCount
from eo13.detainers.policy import detainer_count_policy
from eo13.errors import NotFound
from eo13.law.detainer_laws import condition_label
from eo13.law.engine import outcome_label
from eo13.law.facts import DetainerRequest

# What each agency's report is for, in its own section's words (paraphrased).
REPORT_SECTIONS = {
    "DOC": "Admin Code §9-131",
    "NYPD": "Admin Code §14-154",
    "DOP": "Admin Code §9-205",
}


def counts_visible(*, user: Any) -> QuerySet[DetainerCount]:
    return detainer_count_policy.visible(user, DetainerCount.objects.select_related("agency"))


@dataclass
class MonthLine:
    month: date
    received: int = 0  # every request decided
    holds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    other_requests: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))


@dataclass
class AgencyReport:
    agency: str
    section: str
    year: int
    months: list[MonthLine]
    by_condition: list[tuple[str, str, str, int]]  # (request, outcome, condition, count)
    total: int

    @property
    def labelled_rows(self) -> list[tuple[str, str, str, int]]:
        """The by-condition table in words, each label from where the law defines the value (issue 13)."""
        return [(DetainerRequest(r).label, outcome_label(o), condition_label(c), n) for r, o, c, n in self.by_condition]

    def csv_rows(self) -> list[list[Any]]:
        return [[self.agency, self.year, r, o, c, n] for r, o, c, n in self.by_condition]


def agency_report(*, user: Any, agency_code: str, year: int) -> AgencyReport:
    """One agency's counts for one year, by month and by deciding condition. NotFound if the user may not see it."""
    code = agency_code.upper()
    if code not in REPORT_SECTIONS:
        raise NotFound("Detainer reports exist for DOC, NYPD and DOP.")
    if not _may_read_agency(user, code):
        raise NotFound("No such report.")
    qs = counts_visible(user=user).filter(agency__code=code, month__year=year)
    months = {m: MonthLine(date(year, m, 1)) for m in range(1, 13)}
    cells: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in qs:
        line = months[row.month.month]
        line.received += row.count
        target = line.holds if row.request == "hold_beyond_release" else line.other_requests
        target[row.outcome] += row.count
        cells[(row.request, row.outcome, row.condition)] += row.count
    by_condition = [(r, o, c, n) for (r, o, c), n in sorted(cells.items())]
    return AgencyReport(code, REPORT_SECTIONS[code], year, list(months.values()), by_condition, sum(cells.values()))


def _may_read_agency(user: Any, code: str) -> bool:
    if has_role(user, detainer_count_policy.read_all):
        return True
    agency = Agency.objects.filter(code=clean_code(code)).first()
    return agency is not None and agency.pk in agency_ids(user, detainer_count_policy.read_own)


def totals() -> dict[str, int]:
    """Citywide totals for the public figures page (counts only; the page suppresses counts below 5)."""
    out = {o: 0 for o in OUTCOMES} | {"all": 0}
    for row in DetainerCount.objects.values("outcome").annotate(n=Sum("count")):
        out[row["outcome"]] += row["n"] or 0
        out["all"] += row["n"] or 0
    return out
