"""Due rules and deadline arithmetic (EO 13 §2, §6, §7; INTERFACES §3).

A due rule is a short sentence a person can read and the engine can parse:

    within 90 days of order-issued      a period counted from an event
    by 2026-02-13                       a date the order states (made due by the order's issuance)
    every 90 days from order-issued     a recurring duty; period k is due k x 90 days after the event
    ongoing from order-issued           a continuing duty with no date
    promptly after policy-changed       a duty the order asks for "promptly", with no date

Days are calendar days in New York, counted from the day after the event (so "within 14 days" of the order's
issuance, February 6, is February 20). The order states no roll-forward; the optional convention of General
Construction Law §25-a (a period ending on a weekend or public holiday runs to the next business day) can be
switched on, and every result says which convention made it and whether the date is a business day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from eo13.law.calendar_rules import GCL_25A, next_business_day, non_business_reason

ORDER_ISSUED = date(2026, 2, 6)  # EO 13 §9: in effect on issuance


class Event(StrEnum):
    """What makes a duty due (INTERFACES §3)."""

    ORDER_ISSUED = "order-issued"
    PRIVACY_OFFICER_VACANCY = "privacy-officer-vacancy"
    PRIVACY_OFFICER_DESIGNATED = "privacy-officer-designated"
    POLICY_CHANGED = "policy-changed"
    # The Committee's own events (EO 13 §7, §8(2)): a member left, or the Committee gave an entity a task with a
    # date. The order sets no period for these; the date comes from the record that made the duty.
    COMMITTEE_MEMBER_DEPARTED = "committee-member-departed"
    COMMITTEE_ACTION_ASSIGNED = "committee-action-assigned"
    RESOURCES_REQUESTED = "resources-requested"
    # City Hall records the Mayor's direction for a §7(1)(f) report; the event's date is the date it sets.
    MAYOR_DIRECTION = "mayor-direction"
    # City Hall accepts an agency's initial §2 audit report; continuous review starts then.
    AUDIT_REPORT_ACCEPTED = "audit-report-accepted"

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


# What people read where an event is shown ("Made due by: The order was issued"); the value is what is stored.
EVENT_LABELS: dict[str, str] = {
    Event.ORDER_ISSUED: "The order was issued",
    Event.PRIVACY_OFFICER_VACANCY: "The privacy officer job became empty",
    Event.PRIVACY_OFFICER_DESIGNATED: "A privacy officer was named",
    Event.POLICY_CHANGED: "A policy changed",
    Event.COMMITTEE_MEMBER_DEPARTED: "A Committee member left",
    Event.COMMITTEE_ACTION_ASSIGNED: "The Committee gave a task",
    Event.RESOURCES_REQUESTED: "The Committee asked for resources",
    Event.MAYOR_DIRECTION: "The Mayor gave a direction",
    Event.AUDIT_REPORT_ACCEPTED: "City Hall accepted the audit report",
}


def event_label(value: str) -> str:
    return EVENT_LABELS.get(value, "Another event")


EVENTS: tuple[str, ...] = tuple(e.value for e in Event)
# Events about one agency (its privacy officer, its policy); the order's issuance is about every office.
AGENCY_EVENTS = frozenset(
    {
        Event.PRIVACY_OFFICER_VACANCY,
        Event.PRIVACY_OFFICER_DESIGNATED,
        Event.POLICY_CHANGED,
        Event.COMMITTEE_MEMBER_DEPARTED,
        Event.COMMITTEE_ACTION_ASSIGNED,
        Event.RESOURCES_REQUESTED,
        Event.AUDIT_REPORT_ACCEPTED,
    }
)


class RuleKind(StrEnum):
    WITHIN = "within"
    BY = "by"
    EVERY = "every"
    ONGOING = "ongoing"
    PROMPTLY = "promptly"
    ON = "on"  # on the date the event sets (a direction from the Mayor)


class Convention(StrEnum):
    CALENDAR = "calendar"
    GCL_25A = "gcl-25a"


CONVENTION_TEXT = {
    Convention.CALENDAR: "Calendar days in New York, counted from the day after the event; "
    "no roll-forward past weekends or holidays (INTERFACES §3).",
    Convention.GCL_25A: "Calendar days in New York, counted from the day after the event; a period that ends on "
    f"a Saturday, Sunday or public holiday runs to the next business day ({GCL_25A}).",
}


_STRICT_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_strict_date(text: str) -> date:
    """``YYYY-MM-DD`` and nothing else (INTERFACES §3): Python's ``date.fromisoformat`` also takes ``20260206`` and
    ``2026-W06-5``, which a person reading the command line would not recognise. Raises ValueError."""
    if not isinstance(text, str) or not _STRICT_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date written YYYY-MM-DD")
    return date.fromisoformat(text)


def check_event_date(event: str, on: date) -> str | None:
    """Why ``event`` cannot have happened on ``on`` under the order (EO 13 §9), or None."""
    if event == Event.ORDER_ISSUED and on != ORDER_ISSUED:
        return f"The order was issued on {ORDER_ISSUED.isoformat()} (EO 13 §9); order-issued takes no other date."
    if event != Event.MAYOR_DIRECTION and on < ORDER_ISSUED:
        return (
            f"{on.isoformat()} is before the order took effect on {ORDER_ISSUED.isoformat()} (EO 13 §9); "
            "it makes nothing due."
        )
    return None


class DueRuleError(ValueError):
    """A due rule that does not parse, or an event it cannot be computed from."""


@dataclass(frozen=True)
class DueRule:
    text: str
    kind: RuleKind
    event: Event
    days: int | None = None
    fixed: date | None = None

    @property
    def has_date(self) -> bool:
        return self.kind in (RuleKind.WITHIN, RuleKind.BY, RuleKind.EVERY, RuleKind.ON)


_WITHIN = re.compile(r"within (\d{1,4}) days? of ([a-z-]+)")
_EVERY = re.compile(r"every (\d{1,4}) days? from ([a-z-]+)")
_BY = re.compile(r"by (\d{4}-\d{2}-\d{2})")
_ONGOING = re.compile(r"ongoing from ([a-z-]+)")
_PROMPTLY = re.compile(r"promptly after ([a-z-]+)")
_ON = re.compile(r"on the date set by ([a-z-]+)")


def _event(name: str, text: str) -> Event:
    try:
        return Event(name)
    except ValueError:
        raise DueRuleError(
            f"Due rule {text!r} names an unknown event {name!r}; use one of {', '.join(EVENTS)}."
        ) from None


def parse_due_rule(text: str) -> DueRule:
    """Read a due rule; raise :class:`DueRuleError` with a clear message when it does not parse."""
    clean = " ".join(str(text).split()).lower()
    if m := _WITHIN.fullmatch(clean):
        days = int(m.group(1))
        if days < 1:
            raise DueRuleError(f"Due rule {text!r}: the number of days must be at least 1.")
        return DueRule(clean, RuleKind.WITHIN, _event(m.group(2), text), days=days)
    if m := _EVERY.fullmatch(clean):
        days = int(m.group(1))
        if days < 1:
            raise DueRuleError(f"Due rule {text!r}: the number of days must be at least 1.")
        return DueRule(clean, RuleKind.EVERY, _event(m.group(2), text), days=days)
    if m := _BY.fullmatch(clean):
        try:
            fixed = date.fromisoformat(m.group(1))
        except ValueError:
            raise DueRuleError(f"Due rule {text!r}: {m.group(1)} is not a real date.") from None
        return DueRule(clean, RuleKind.BY, Event.ORDER_ISSUED, fixed=fixed)
    if m := _ONGOING.fullmatch(clean):
        return DueRule(clean, RuleKind.ONGOING, _event(m.group(1), text))
    if m := _PROMPTLY.fullmatch(clean):
        return DueRule(clean, RuleKind.PROMPTLY, _event(m.group(1), text))
    if m := _ON.fullmatch(clean):
        return DueRule(clean, RuleKind.ON, _event(m.group(1), text))
    raise DueRuleError(
        f"Due rule {text!r} does not parse. Write one of: 'within N days of EVENT', 'by YYYY-MM-DD', "
        "'every N days from EVENT', 'ongoing from EVENT', 'promptly after EVENT'."
    )


@dataclass(frozen=True)
class DueDate:
    """A computed deadline: the date, the date the count gave before any roll-forward, and why the date is not a
    business day (None when it is one)."""

    due: date
    counted: date
    convention: Convention
    non_business_day: str | None

    @property
    def rolled(self) -> bool:
        return self.due != self.counted


def add_days(start: date, days: int, convention: Convention = Convention.CALENDAR) -> DueDate:
    """``days`` calendar days after ``start`` (the count begins the day after), under ``convention``."""
    counted = start + timedelta(days=days)
    due = next_business_day(counted) if convention is Convention.GCL_25A else counted
    return DueDate(due, counted, convention, non_business_reason(due))


def compute_due(
    rule: DueRule, event_on: date, *, period: int = 1, convention: Convention = Convention.CALENDAR
) -> DueDate | None:
    """When ``rule`` falls due after its event happened on ``event_on``; None for duties with no date.

    A date the order states (``by ...``) is kept as stated and only flagged: §25-a rolls periods of time, and the
    order's own dates are not counted from anything."""
    if rule.kind is RuleKind.BY:
        assert rule.fixed is not None
        return DueDate(rule.fixed, rule.fixed, convention, non_business_reason(rule.fixed))
    if rule.kind is RuleKind.ON:
        return DueDate(event_on, event_on, convention, non_business_reason(event_on))
    if rule.kind is RuleKind.WITHIN:
        assert rule.days is not None
        return add_days(event_on, rule.days, convention)
    if rule.kind is RuleKind.EVERY:
        assert rule.days is not None
        if period < 1:
            raise DueRuleError("A recurring duty's periods are numbered from 1.")
        return add_days(event_on, rule.days * period, convention)
    return None


def periods_started(rule: DueRule, event_on: date, today: date) -> int:
    """How many periods of a recurring rule have begun by ``today`` (at least the first)."""
    if rule.kind is not RuleKind.EVERY or rule.days is None:
        return 1
    elapsed = (today - event_on).days
    return max(1, elapsed // rule.days + 1)


def days_left(due: date, today: date) -> int:
    """Days from ``today`` to ``due``: 0 on the due day, negative once overdue."""
    return (due - today).days
