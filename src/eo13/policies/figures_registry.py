"""Collecting public figures from every app without importing their models (issue 6, figures contract).

Each app may define ``<app>/figures.py`` with ``public_figures() -> list[dict]``; each dict has ``key``, ``label``
(plain English, translatable), ``count`` and ``section``, and may say ``counts_people`` (default True) and
``period`` (default: all records so far). A count of people or encounters under 5 is never shown, only "fewer than
5", so a small number cannot point to a person (DESIGN "Privacy by design"); a count of policies or offices points
to no one and is shown as it is (issue 13).
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from eo13.discovery import app_modules

SUPPRESS_BELOW = 5
ALL_RECORDS = _("All records so far")
ON_THE_DATE = _("On the date above")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figure:
    key: str
    label: Any  # a lazy translation, rendered in the visitor's language
    count: int
    section: str
    counts_people: bool = True  # the safe default: a new figure is suppressed until its app says otherwise
    period: Any = ALL_RECORDS

    @property
    def suppressed(self) -> bool:
        return self.counts_people and self.count < SUPPRESS_BELOW


def _modules() -> list[Any]:
    return app_modules("figures")


def collect_figures() -> list[Figure]:
    figures: list[Figure] = []
    for module in _modules():
        for item in module.public_figures():
            try:
                count = int(item["count"])
                figures.append(
                    Figure(
                        str(item["key"]),
                        item["label"],
                        count,
                        str(item["section"]),
                        counts_people=bool(item.get("counts_people", True)),
                        period=item.get("period", ALL_RECORDS),
                    )
                )
            except (KeyError, TypeError, ValueError):
                # One app's malformed figure must not take the page down; it is left out and logged.
                log.warning("Public figure from %s left out: malformed", module.__name__)
    return figures
