"""Collecting public figures from every app without importing their models (issue 6, figures contract).

Each app may define ``<app>/figures.py`` with ``public_figures() -> list[dict]``; each dict has ``key``, ``label``
(plain English, translatable), ``count`` and ``section``. Counts under 5 are never shown, only "fewer than 5",
so a small number cannot point to a person (DESIGN "Privacy by design").
"""

import logging
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from django.apps import apps

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
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("eo13."):
            continue
        try:
            found.append(import_module(f"{config.name}.figures"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.figures":
                raise
    return found


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
