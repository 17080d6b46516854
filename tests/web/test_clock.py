"""The one clock (issue 11): New York's date, whatever UTC says, and movable by time-machine."""

import datetime as dt

import time_machine

from eo13 import clock


def test_today_is_the_new_york_date_not_the_utc_one():
    # 03:00 UTC on New Year's Day is still the evening of December 31 in New York.
    with time_machine.travel(dt.datetime(2031, 1, 1, 3, 0, tzinfo=dt.UTC), tick=False):
        assert clock.now() == dt.datetime(2031, 1, 1, 3, 0, tzinfo=dt.UTC)
        assert clock.today() == dt.date(2030, 12, 31)
