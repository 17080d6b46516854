"""eo13 bootstrap: load the order and the reference data, and in demo mode the demo accounts.

Idempotent. Each app may add a step by defining ``bootstrap.run(stdout)`` in its package; steps run in
INSTALLED_APPS order, so agencies load before anything that names them. ``--migrate`` first applies any
migrations not yet applied, in the same process (issue 14: `make run` pays for Django's start-up once).
"""

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

from eo13.accounts.demo import create_demo_accounts
from eo13.discovery import app_modules
from eo13.ops.fresh_schema import load_if_fresh


def migrations_pending(database: str = "default") -> bool:
    """True when some migration is not applied yet; cheap enough to ask on every start."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connections[database])
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


class Command(BaseCommand):
    help = "Load the order and the reference data; in demo mode (EO13_DEMO=1) create one account per role."
    requires_system_checks: list[str] = []  # start-up speed; `eo13 check` runs them (issue 14)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--migrate", action="store_true", help="Apply pending migrations first.")

    def handle(self, *args: Any, **options: Any) -> None:
        # An empty SQLite database is filled from the migrated snapshot rather than by replaying every migration.
        if options["migrate"] and not load_if_fresh() and migrations_pending():
            call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
        for module in app_modules("bootstrap"):
            module.run(self.stdout)
        if settings.EO13_DEMO:
            create_demo_accounts(self.stdout)
