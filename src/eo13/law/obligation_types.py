"""The shape of an obligation: who owes it, what, by which due rules (EO 13 §2, §5, §6, §7, §8).

Each entry names its section, who owes it, what must be done in plain words, its due rules (see
:mod:`eo13.law.deadlines`), the date the order states where it states one, whether it binds or only encourages,
and the evidence that shows it done. :func:`duties_for_event` turns an event into the duties it makes due, office
by office; the web application and ``eo13 due`` both use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from eo13.law.deadlines import (
    DueRule,
    DueRuleError,
    Event,
    RuleKind,
    parse_due_rule,
)

RULES_VERSION = "eo-13-2026"
_SECTION = re.compile(r"EO 13 §\d+(?:\(\d+\))?(?:\([a-z]\))?")
_KEY = re.compile(r"s\d+(?:_\d+)?(?:_[a-z])?_[a-z0-9_]+")

# Offices with a fixed part in the order (INTERFACES §4).
CHIEF_PRIVACY_OFFICER_OFFICE = "MOIP"
COMMITTEE_OFFICE = "CITYHALL"  # the First Deputy Mayor chairs the Committee (EO 13 §7(2))
HEALTH_AND_HOSPITALS = "HHC"
COORDINATING_OFFICES = ("CITYHALL", "MOIA", "LAW")  # EO 13 §5: Chief Counsel and City Hall, MOIA, the Law Department


class Responsible(StrEnum):
    """Who owes a duty, in the order's terms."""

    SECTION_2_AGENCIES = "section-2-agencies"
    HEALTH_AND_HOSPITALS = "health-and-hospitals"
    EVERY_AGENCY = "every-agency"
    MAYORAL_AGENCIES = "mayoral-agencies"
    COMMITTEE_ENTITIES = "committee-entities"
    COORDINATING_OFFICES = "coordinating-offices"
    CHIEF_PRIVACY_OFFICER = "chief-privacy-officer"
    COMMITTEE = "committee"
    EVENT_AGENCY = "event-agency"


RESPONSIBLE_TEXT = {
    Responsible.SECTION_2_AGENCIES: "ACS, DOC, DOHMH, DOP, DSS and NYPD",
    Responsible.HEALTH_AND_HOSPITALS: "NYC Health + Hospitals",
    Responsible.EVERY_AGENCY: "every agency",
    Responsible.MAYORAL_AGENCIES: "every mayoral agency and office",
    Responsible.COMMITTEE_ENTITIES: "every City agency and office, the Department of Education, and each public "
    "benefit corporation",
    Responsible.COORDINATING_OFFICES: "City Hall (Chief Counsel), MOIA and the Law Department",
    Responsible.CHIEF_PRIVACY_OFFICER: "the Chief Privacy Officer (MOIP)",
    Responsible.COMMITTEE: "the Interagency Response Committee (chaired from City Hall)",
    Responsible.EVENT_AGENCY: "the agency the event is about",
}


class CatalogueError(ValueError):
    """A catalogue entry that cannot be used: no section, a bad key, a due rule that does not parse."""

    field: str | None = None


class EventDateError(CatalogueError):
    """An event date no deadline can be counted from (too far ahead to count days past it)."""

    field = "date"


@dataclass(frozen=True)
class ObligationSpec:
    key: str
    section: str
    title: str
    summary: str
    responsible: Responsible
    rules: tuple[str, ...]
    evidence: str
    stated: date | None = None  # the date the order itself gives, for the order-issued rule
    binding: bool = True  # False where the order only encourages (EO 13 §2(3))
    concerns: Responsible | None = None  # one duty per office concerned (the CPO trains each agency's officer)
    # (last day of the first round, its due date): an event on or before the first is due on the second.
    first_round: tuple[date, date] | None = None
    note: str = ""
    parsed: tuple[DueRule, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.section or not _SECTION.fullmatch(self.section):
            raise CatalogueError(
                f"Duty {self.key or '(no key)'!r} needs a section written like 'EO 13 §6(1)'; got {self.section!r}."
            )
        if not _KEY.fullmatch(self.key):
            raise CatalogueError(f"Duty key {self.key!r} must look like 's6_1_cpo_training'.")
        if not self.title.strip() or not self.summary.strip():
            raise CatalogueError(f"Duty {self.key!r} needs a title and a plain-language summary.")
        if not self.rules:
            raise CatalogueError(f"Duty {self.key!r} needs at least one due rule.")
        try:
            parsed = tuple(parse_due_rule(r) for r in self.rules)
        except DueRuleError as exc:
            raise CatalogueError(f"Duty {self.key!r}: {exc}") from None
        if len({r.event for r in parsed}) != len(parsed):
            raise CatalogueError(f"Duty {self.key!r} has two due rules for one event.")
        if self.stated is not None and not any(r.event is Event.ORDER_ISSUED and r.has_date for r in parsed):
            raise CatalogueError(f"Duty {self.key!r} states a date but has no dated rule from the order's issuance.")
        object.__setattr__(self, "parsed", parsed)

    def rule_for(self, event: Event) -> DueRule | None:
        return next((r for r in self.parsed if r.event is event), None)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(r.event for r in self.parsed)

    @property
    def recurring(self) -> bool:
        return any(r.kind is RuleKind.EVERY for r in self.parsed)
