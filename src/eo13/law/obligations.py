"""The obligation catalogue: every duty the order gives an office, as data (EO 13 §2, §5, §6, §7, §8).

Each entry names its section, who owes it, what must be done in plain words, its due rules (see
:mod:`eo13.law.deadlines`), the date the order states where it states one, whether it binds or only encourages,
and the evidence that shows it done. :func:`duties_for_event` turns an event into the duties it makes due, office
by office; the web application and ``eo13 due`` both use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from eo13.law.deadlines import AGENCY_EVENTS, Convention, DueDate, Event, RuleKind, compute_due, parse_due_rule
from eo13.law.obligation_catalogue import CATALOGUE
from eo13.law.obligation_types import (
    CHIEF_PRIVACY_OFFICER_OFFICE,
    COMMITTEE_OFFICE,
    COORDINATING_OFFICES,
    HEALTH_AND_HOSPITALS,
    RESPONSIBLE_TEXT,
    RULES_VERSION,
    CatalogueError,
    EventDateError,
    ObligationSpec,
    Responsible,
)

# The last event date deadlines are counted from; recurring duties add years past it, so it stays far from 9999.
LATEST_EVENT_DATE = date(2199, 12, 31)

__all__ = [
    "CATALOGUE",
    "CHIEF_PRIVACY_OFFICER_OFFICE",
    "COMMITTEE_OFFICE",
    "COORDINATING_OFFICES",
    "HEALTH_AND_HOSPITALS",
    "RESPONSIBLE_TEXT",
    "RULES_VERSION",
    "CatalogueError",
    "ObligationSpec",
    "Responsible",
]

BY_KEY: dict[str, ObligationSpec] = {spec.key: spec for spec in CATALOGUE}
KEYS: tuple[str, ...] = tuple(BY_KEY)


def spec(key: str) -> ObligationSpec:
    try:
        return BY_KEY[key]
    except KeyError:
        raise CatalogueError(f"No duty with key {key!r} in the catalogue.") from None


@dataclass(frozen=True)
class Office:
    """What the catalogue needs to know about an office from the registry (INTERFACES §4)."""

    code: str
    kind: str  # mayoral_agency, mayoral_office, division, department_of_education, public_benefit_corporation
    is_section_2: bool = False
    # EO 13 §7(3): a public benefit corporation sits on the Committee only when the Mayor appoints a majority of
    # its board. None means the registry does not say yet: such a corporation owes no designation until it does.
    mayor_appoints_board_majority: bool | None = None


def owes_committee_designation(office: Office) -> bool:
    """EO 13 §7(3): every City agency and office, DOE, and each public benefit corporation with a Mayor-appointed
    board majority. Divisions answer through their parent."""
    if office.kind == "division":
        return False
    if office.kind == "public_benefit_corporation":
        return office.mayor_appoints_board_majority is True
    return True


def offices_for(group: Responsible, offices: Iterable[Office], event_agency: str | None = None) -> list[str]:
    """The office codes ``group`` stands for, from the registry ``offices``."""
    offices = list(offices)
    codes = {o.code for o in offices}
    if group is Responsible.SECTION_2_AGENCIES:
        return [o.code for o in offices if o.is_section_2]
    if group is Responsible.HEALTH_AND_HOSPITALS:
        return [HEALTH_AND_HOSPITALS] if HEALTH_AND_HOSPITALS in codes else []
    if group is Responsible.COMMITTEE_ENTITIES:
        return [o.code for o in offices if owes_committee_designation(o)]
    if group is Responsible.EVERY_AGENCY:
        # Divisions answer through their parent agency (EO 13 §6 speaks of each agency's one privacy officer).
        return [o.code for o in offices if o.kind != "division"]
    if group is Responsible.MAYORAL_AGENCIES:
        return [o.code for o in offices if o.kind in ("mayoral_agency", "mayoral_office")]
    if group is Responsible.COORDINATING_OFFICES:
        return [c for c in COORDINATING_OFFICES if c in codes]
    if group is Responsible.CHIEF_PRIVACY_OFFICER:
        return [CHIEF_PRIVACY_OFFICER_OFFICE]
    if group is Responsible.COMMITTEE:
        return [COMMITTEE_OFFICE]
    return [event_agency] if event_agency else []


@dataclass(frozen=True)
class DutyDue:
    """One duty one office owes because of one event (one row of ``eo13 due``)."""

    spec: ObligationSpec
    responsible: str  # an office code
    concerns: str | None  # the office the duty is about, when that is not the one that owes it
    due: date | None
    counted: date | None
    non_business_day: str | None
    period: int = 0

    @property
    def key(self) -> str:
        return self.spec.key


def spec_due(
    s: ObligationSpec, event: Event, on: date, *, period: int = 1, convention: Convention = Convention.CALENDAR
) -> DueDate | None:
    """When duty ``s`` falls due because ``event`` happened on ``on``; None when the event does not make it due or
    the duty has no date. An event within the duty's first round (EO 13 §6(1): officers named by February 20,
    2026) takes the round's stated date instead of its own period."""
    rule = s.rule_for(event)
    if rule is None:
        return None
    d = compute_due(rule, on, period=max(period, 1), convention=convention)
    if d is not None and s.first_round and event is not Event.ORDER_ISSUED and on <= s.first_round[0]:
        d = compute_due(parse_due_rule(f"by {s.first_round[1].isoformat()}"), on, convention=convention)
    return d


def duties_for_event(
    event: str,
    on: date,
    offices: Sequence[Office],
    *,
    agency: str | None = None,
    convention: Convention = Convention.CALENDAR,
    periods: int = 1,
) -> list[DutyDue]:
    """Every duty ``event`` (on ``on``) makes due, office by office.

    For the order's issuance, ``agency`` narrows the list to what that office owes or is concerned by; for events
    about one agency (a vacancy, a designation, a policy change) it names that agency and is required.
    ``periods`` is how many periods of a recurring duty to list."""
    if on > LATEST_EVENT_DATE:
        # Counting days past 9999-12-31 overflows; no duty of the order runs that far (EO 13 §9: in force from 2026).
        raise EventDateError(
            f"The date {on.isoformat()} is too far ahead; use a date before {LATEST_EVENT_DATE.year + 1}."
        )
    try:
        ev = Event(event)
    except ValueError:
        raise CatalogueError(f"Unknown event {event!r}; use one of {', '.join(e.value for e in Event)}.") from None
    codes = {o.code for o in offices}
    if agency is not None and agency not in codes:
        raise CatalogueError(f"Unknown agency code {agency!r}.")
    if ev in AGENCY_EVENTS and agency is None:
        raise CatalogueError(f"The event {ev.value!r} is about one agency: name it.")
    out: list[DutyDue] = []
    for s in CATALOGUE:
        rule = s.rule_for(ev)
        if rule is None:
            continue
        event_agency = agency if ev in AGENCY_EVENTS else None
        owners = offices_for(s.responsible, offices, event_agency)
        if event_agency and s.concerns is None:
            # An event about one agency binds only that agency, and only if the duty's group includes it.
            owners = [o for o in owners if o == event_agency]
        pairs: list[tuple[str, str | None]]
        if s.concerns is not None:
            concerned = [event_agency] if event_agency else offices_for(s.concerns, offices)
            pairs = [(owner, c) for owner in owners for c in concerned]
        else:
            pairs = [(owner, None) for owner in owners]
        for owner, concerned_code in pairs:
            if ev not in AGENCY_EVENTS and agency is not None and agency not in (owner, concerned_code):
                continue
            for period in range(1, periods + 1) if rule.kind is RuleKind.EVERY else (0,):
                d = spec_due(s, ev, on, period=period, convention=convention)
                out.append(
                    DutyDue(
                        spec=s,
                        responsible=owner,
                        concerns=concerned_code,
                        due=d.due if d else None,
                        counted=d.counted if d else None,
                        non_business_day=d.non_business_day if d else None,
                        period=period,
                    )
                )
    return out
