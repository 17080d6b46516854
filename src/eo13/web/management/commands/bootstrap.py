"""eo13 bootstrap: load the order and the reference data, and in demo mode the demo accounts.

Idempotent. Each app may add a step by defining ``bootstrap.run(stdout)`` in its package; steps run in
INSTALLED_APPS order, so agencies load before anything that names them.
"""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from eo13.accounts.demo import create_demo_accounts
from eo13.discovery import app_modules


class Command(BaseCommand):
    help = "Load the order and the reference data; in demo mode (EO13_DEMO=1) create one account per role."

    def handle(self, *args: Any, **options: Any) -> None:
        for module in app_modules("bootstrap"):
            module.run(self.stdout)
        if settings.EO13_DEMO:
            create_demo_accounts(self.stdout)
