"""One way for an app to contribute to a shared mechanism: a module of a known name in its package.

``app_modules("nav")`` returns ``eo13.<app>.nav`` for every project app that has one, in INSTALLED_APPS order. Used
for staff menu links (nav), start-up data (bootstrap), reference data (reference), public figures (figures) and
retention rules (retention). A module that exists but fails to import raises, so a bug is never silently skipped.
"""

from importlib import import_module
from types import ModuleType

from django.apps import apps


def app_modules(name: str) -> list[ModuleType]:
    found: list[ModuleType] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("eo13."):
            continue
        try:
            found.append(import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
    return found
