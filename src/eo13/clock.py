"""The one clock (issue 11). Every service, selector, view, command and task asks here for "now" and "today".

Deadlines and "not in the future" checks are New York dates (EO 13 is a New York City order; settings.TIME_ZONE
is America/New_York), so ``today()`` is the New York calendar date whatever the server's own zone. It needs no
Django settings, so the Django-free ``eo13 decide`` path (fastdecide) uses it too. Tests move the clock with
time-machine (tests/conftest.py; EO13_TEST_TODAY runs the whole suite on another day). ``law/`` never calls this:
law functions take the date as an argument.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")


def now() -> datetime:
    """The current moment, aware, in UTC (what django.utils.timezone.now gives with USE_TZ)."""
    return datetime.now(UTC)


def today() -> date:
    """Today's date in New York."""
    return now().astimezone(NEW_YORK).date()
