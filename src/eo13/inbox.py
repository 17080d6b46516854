"""Waiting for me": the work each person must approve, review or answer (issue 13, "Work finds its people").

Each app that has such work has an ``inbox`` module with ``waiting(user) -> list[Waiting]`` (found by
``eo13.discovery.app_modules("inbox")``). Its queries use the same access policies as the app's own lists, so a
person is never shown a count of records they may not open. The staff home shows every group with its count, the
oldest items first, one click from each.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from eo13.discovery import app_modules

SHOWN = 5  # items listed per group on the home page; the rest are one click away on the group's list


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    since: dt.date | dt.datetime | None = None  # when it started waiting, shown as "waiting since"


@dataclass(frozen=True)
class Waiting:
    title: str  # what the person must do, in plain words ("Duties to review")
    count: int
    items: list[Item] = field(default_factory=list)
    all_url: str = ""  # the full list, when there are more than SHOWN


def group(title: str, qs: QuerySet[Any], item: Any, all_url: str = "") -> list[Waiting]:
    """One group from a queryset already ordered oldest first; nothing when it is empty (no "0 waiting" noise)."""
    count = qs.count()
    if not count:
        return []
    return [Waiting(title=title, count=count, items=[item(row) for row in qs[:SHOWN]], all_url=all_url)]


def waiting_for(user: Any) -> list[Waiting]:
    found: list[Waiting] = []
    for module in app_modules("inbox"):
        found.extend(module.waiting(user))
    return found
