"""eo13 bootstrap: load the order and the reference data, and in demo mode the demo accounts.

Idempotent. Each app may add a step by defining ``bootstrap.run(stdout)`` in its package; steps run in
INSTALLED_APPS order, so agencies load before anything that names them.
"""

import importlib
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

from eo13.accounts.demo import create_demo_accounts


class Command(BaseCommand):
    help = "Load the order and the reference data; in demo mode (EO13_DEMO=1) create one account per role."

    def handle(self, *args: Any, **options: Any) -> None:
        for config in apps.get_app_configs():
            if not config.name.startswith("eo13."):
                continue
            try:
                module = importlib.import_module(f"{config.name}.bootstrap")
            except ModuleNotFoundError as exc:
                if exc.name != f"{config.name}.bootstrap":
                    raise
                continue
            module.run(self.stdout)
        if settings.EO13_DEMO:
            create_demo_accounts(self.stdout)
