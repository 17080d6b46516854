"""Collecting public figures from every app without importing their models (issue 6, figures contract).

Each app may define ``<app>/figures.py`` with ``public_figures() -> list[dict]``; each dict has ``key``, ``label``
(plain English, translatable), ``count`` and ``section``. Counts under 5 are never shown, only "fewer than 5",
so a small number cannot point to a person (DESIGN "Privacy by design").
"""

import logging
from dataclasses import dataclass
from typing import Any

from eo13.discovery import app_modules

SUPPRESS_BELOW = 5
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Figure:
    key: str
    label: Any  # a lazy translation, rendered in the visitor's language
    count: int
    section: str

    @property
    def suppressed(self) -> bool:
        return self.count < SUPPRESS_BELOW


def _modules() -> list[Any]:
    return app_modules("figures")


def collect_figures() -> list[Figure]:
    figures: list[Figure] = []
    for module in _modules():
        for item in module.public_figures():
            try:
                count = int(item["count"])
                figures.append(Figure(str(item["key"]), item["label"], count, str(item["section"])))
            except (KeyError, TypeError, ValueError):
                # One app's malformed figure must not take the page down; it is left out and logged.
                log.warning("Public figure from %s left out: malformed", module.__name__)
    return figures
