"""Deadline arithmetic: calendar days counted from the day after the event (INTERFACES §3), with the optional
roll-forward of General Construction Law §25-a and flags for weekends and holidays."""

from datetime import date

import pytest

from eo13.law.calendar_rules import next_business_day, non_business_reason, public_holidays
from eo13.law.deadlines import (
    ORDER_ISSUED,
    Convention,
    DueRuleError,
    Event,
    RuleKind,
    add_days,
    compute_due,
    days_left,
    parse_due_rule,
    periods_started,
)


@pytest.mark.parametrize(
    "text, kind, event, days, fixed",
    [
        ("within 90 days of order-issued", RuleKind.WITHIN, Event.ORDER_ISSUED, 90, None),
        ("Within  30 days of privacy-officer-vacancy", RuleKind.WITHIN, Event.PRIVACY_OFFICER_VACANCY, 30, None),
        ("by 2026-02-13", RuleKind.BY, Event.ORDER_ISSUED, None, date(2026, 2, 13)),
        ("every 90 days from order-issued", RuleKind.EVERY, Event.ORDER_ISSUED, 90, None),
        ("ongoing from order-issued", RuleKind.ONGOING, Event.ORDER_ISSUED, None, None),
        ("promptly after policy-changed", RuleKind.PROMPTLY, Event.POLICY_CHANGED, None, None),
    ],
)
def test_due_rules_parse(text, kind, event, days, fixed):
    rule = parse_due_rule(text)
    assert (rule.kind, rule.event, rule.days, rule.fixed) == (kind, event, days, fixed)


@pytest.mark.parametrize(
    "text, message",
    [
        ("soon", "does not parse"),
        ("within ninety days of order-issued", "does not parse"),
        ("within 0 days of order-issued", "at least 1"),
        ("within 14 days of lunch", "unknown event"),
        ("by 2026-02-30", "not a real date"),
        ("", "does not parse"),
    ],
)
def test_bad_due_rules_are_refused_with_a_clear_message(text, message):
    with pytest.raises(DueRuleError, match=message):
        parse_due_rule(text)


@pytest.mark.parametrize(
    "start, days, expected",
    [
        (ORDER_ISSUED, 14, date(2026, 2, 20)),  # EO 13 §6
        (ORDER_ISSUED, 60, date(2026, 4, 7)),  # EO 13 §6(1)
        (ORDER_ISSUED, 90, date(2026, 5, 7)),  # EO 13 §2
        (date(2026, 1, 31), 30, date(2026, 3, 2)),  # across a short February
        (date(2027, 12, 15), 30, date(2028, 1, 14)),  # across a year end
    ],
)
def test_days_count_from_the_day_after_the_event(start, days, expected):
    assert add_days(start, days).due == expected


@pytest.mark.parametrize(
    "start, days, calendar_due, flag, rolled_due",
    [
        # 2026-03-07 is a Saturday: flagged; §25-a moves it to Monday 2026-03-09.
        (date(2026, 2, 5), 30, date(2026, 3, 7), "Saturday", date(2026, 3, 9)),
        (date(2026, 2, 6), 31, date(2026, 3, 9), None, date(2026, 3, 9)),
        # 2026-11-26 is Thanksgiving, then Friday is a business day.
        (date(2026, 10, 27), 30, date(2026, 11, 26), "Thanksgiving Day", date(2026, 11, 27)),
        # 2027-07-04 is a Sunday: Monday 2027-07-05 is the observed holiday, so Tuesday.
        (date(2027, 6, 4), 30, date(2027, 7, 4), "Independence Day", date(2027, 7, 6)),
        # Lincoln's Birthday is a New York holiday.
        (date(2026, 1, 13), 30, date(2026, 2, 12), "Lincoln's Birthday", date(2026, 2, 13)),
    ],
)
def test_weekends_and_holidays_are_flagged_and_rolled_only_when_asked(start, days, calendar_due, flag, rolled_due):
    plain = add_days(start, days)
    assert plain.due == calendar_due and plain.non_business_day == flag and not plain.rolled
    rolled = add_days(start, days, Convention.GCL_25A)
    assert rolled.due == rolled_due and rolled.counted == calendar_due
    assert rolled.non_business_day is None
    assert rolled.rolled == (flag is not None)


def test_a_date_the_order_states_is_never_moved():
    rule = parse_due_rule("by 2026-02-14")  # a Saturday
    due = compute_due(rule, ORDER_ISSUED, convention=Convention.GCL_25A)
    assert due is not None and due.due == date(2026, 2, 14) and due.non_business_day == "Saturday"


def test_recurring_periods():
    rule = parse_due_rule("every 90 days from order-issued")
    assert [compute_due(rule, ORDER_ISSUED, period=k).due for k in (1, 2, 3)] == [
        date(2026, 5, 7),
        date(2026, 8, 5),
        date(2026, 11, 3),
    ]
    assert periods_started(rule, ORDER_ISSUED, date(2026, 11, 27)) == 4
    assert periods_started(rule, ORDER_ISSUED, ORDER_ISSUED) == 1


def test_duties_without_a_date_have_none():
    assert compute_due(parse_due_rule("ongoing from order-issued"), ORDER_ISSUED) is None
    assert compute_due(parse_due_rule("promptly after policy-changed"), ORDER_ISSUED) is None


def test_days_left_is_zero_on_the_due_day_and_negative_after():
    assert days_left(date(2026, 5, 7), date(2026, 5, 7)) == 0
    assert days_left(date(2026, 5, 7), date(2026, 5, 8)) == -1


@pytest.mark.parametrize(
    "year, day, name",
    [
        (2026, date(2026, 1, 19), "Martin Luther King Jr. Day"),
        (2026, date(2026, 2, 16), "Washington's Birthday"),
        (2026, date(2026, 5, 25), "Memorial Day"),
        (2026, date(2026, 11, 3), "Election Day"),
        (2026, date(2026, 10, 12), "Columbus Day"),
        (2027, date(2027, 12, 25), "Christmas Day"),  # a Saturday: kept, not moved
    ],
)
def test_new_york_public_holidays(year, day, name):
    assert public_holidays(year)[day] == name


def test_next_business_day():
    assert next_business_day(date(2026, 12, 25)) == date(2026, 12, 28)
    assert non_business_reason(date(2026, 12, 28)) is None
