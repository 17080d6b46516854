"""New York public holidays and business days, for deadline conventions (General Construction Law §24, §25-a).

Pure Python. The order counts calendar days (INTERFACES §3); these rules only flag a due date that lands on a
weekend or a holiday, and serve the optional roll-forward convention of General Construction Law §25-a.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import cache

GCL_24 = "General Construction Law §24"
GCL_25A = "General Construction Law §25-a"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (0 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


@cache
def public_holidays(year: int) -> dict[date, str]:
    """New York public holidays of one year (General Construction Law §24).

    A holiday that falls on a Sunday is also kept on the Monday after, as §24 provides."""
    election_day = _nth_weekday(year, 11, 0, 1) + timedelta(days=1)  # the Tuesday after the first Monday
    fixed = {
        date(year, 1, 1): "New Year's Day",
        _nth_weekday(year, 1, 0, 3): "Martin Luther King Jr. Day",
        date(year, 2, 12): "Lincoln's Birthday",
        _nth_weekday(year, 2, 0, 3): "Washington's Birthday",
        _nth_weekday(year, 5, 0, -1): "Memorial Day",
        _nth_weekday(year, 6, 6, 2): "Flag Day",
        date(year, 6, 19): "Juneteenth",
        date(year, 7, 4): "Independence Day",
        _nth_weekday(year, 9, 0, 1): "Labor Day",
        _nth_weekday(year, 10, 0, 2): "Columbus Day",
        election_day: "Election Day",
        date(year, 11, 11): "Veterans Day",
        _nth_weekday(year, 11, 3, 4): "Thanksgiving Day",
        date(year, 12, 25): "Christmas Day",
    }
    out = dict(fixed)
    for day, name in fixed.items():
        if day.weekday() == 6 and name != "Flag Day":
            out.setdefault(day + timedelta(days=1), f"{name} (observed)")
    return out


def non_business_reason(day: date) -> str | None:
    """Why ``day`` is not a business day ("Saturday", "Sunday", a holiday's name), or None if it is one."""
    holiday = public_holidays(day.year).get(day)
    if holiday:
        return holiday
    if day.weekday() == 5:
        return "Saturday"
    if day.weekday() == 6:
        return "Sunday"
    return None


def next_business_day(day: date) -> date:
    """``day`` itself when it is a business day, otherwise the next one (General Construction Law §25-a)."""
    while non_business_reason(day) is not None:
        day += timedelta(days=1)
    return day
