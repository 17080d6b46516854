"""Rules are versioned by the day they took effect (EO 13 §9; after OpenFisca's dated parameters).

An amendment is a new dated entry; a decision names the version it used and dates before the first version of a
rule are ``not_covered``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eo13.law.citations import AC_4_210, S9
from eo13.law.deadlines import ORDER_ISSUED  # EO 13 §9: effective immediately on issuance

LOCAL_LAW_246_IN_FORCE = date(2018, 4, 16)  # Admin Code §4-210 (Local Law 246 of 2017)


@dataclass(frozen=True)
class RulesVersion:
    id: str
    effective: date
    citation: str  # what made it take effect
    summary: str


VERSIONS: dict[str, tuple[RulesVersion, ...]] = {
    "lot-use": (RulesVersion("eo-13-2026", ORDER_ISSUED, S9, "Executive Order 13 of 2026 as issued"),),
    "warrant": (RulesVersion("eo-13-2026", ORDER_ISSUED, S9, "Executive Order 13 of 2026 as issued"),),
    "property-access": (
        RulesVersion("admin-code-4-210-2018", LOCAL_LAW_246_IN_FORCE, AC_4_210, "Local Law 246 of 2017"),
        RulesVersion("eo-13-2026", ORDER_ISSUED, S9, "Admin Code §4-210 read with EO 13 §4"),
    ),
}


def version_for(kind: str, on: date) -> RulesVersion | None:
    """The newest version of ``kind`` in force on ``on``, or None before the first one took effect."""
    current = None
    for v in VERSIONS[kind]:
        if v.effective <= on:
            current = v
    return current


def first_version(kind: str) -> RulesVersion:
    return VERSIONS[kind][0]
